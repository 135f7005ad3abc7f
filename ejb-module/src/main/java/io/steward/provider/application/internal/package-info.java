/**
 * Implementations of the provider use cases: sealed provider keys, the LangChain4j clients built
 * from them, model resolution and usage metering.
 */
package io.steward.provider.application.internal;
