/** Readiness of the knowledge base's search index. */
package io.steward.knowledge.interfaces.health;
