/**
 * A workspace's own AI: model providers with sealed API keys, model settings and budgets for the
 * workspace and each agent, and the recorded usage of every model call.
 */
package io.steward.provider.domain;
