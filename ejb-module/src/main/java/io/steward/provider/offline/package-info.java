/**
 * The built-in offline model: a LangChain4j streaming chat model that needs no network or weights.
 * It maps a few documented phrasings of requests onto the tools an agent offers and composes short
 * answers from their results, so Steward works, within honest limits, before a hosted model is
 * configured. The phrasings belong to the capabilities that own the tools: each declares its own in
 * an {@link io.steward.provider.offline.OfflinePhrasebook} bean, so this package knows no
 * capability.
 */
package io.steward.provider.offline;
