/**
 * The built-in offline model: a LangChain4j streaming chat model that needs no network or weights.
 * It maps a small, documented grammar of requests onto the tools an agent offers and composes short
 * answers from their results, so Steward works, within honest limits, before a hosted model is
 * configured.
 */
package io.steward.provider.offline;
