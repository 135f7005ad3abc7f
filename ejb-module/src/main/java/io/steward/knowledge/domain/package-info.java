/** The knowledge base: documents a workspace uploads and the passages they are cut into. */
package io.steward.knowledge.domain;
