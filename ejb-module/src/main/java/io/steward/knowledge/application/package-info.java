/** Uploading, ingesting, listing, deleting and searching knowledge documents. */
package io.steward.knowledge.application;
