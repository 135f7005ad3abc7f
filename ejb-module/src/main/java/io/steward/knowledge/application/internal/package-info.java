/** Implementations of the knowledge services and the asynchronous ingestion job. */
package io.steward.knowledge.application.internal;
