/** Fetching web pages over HTTP with an address policy that is safe by default. */
package io.steward.knowledge.infrastructure.fetching;
