/**
 * Which chat model a run uses: a workspace's own provider (bring your own AI) as its settings
 * choose, the installation's configured OpenAI-compatible model, or the built-in offline model, all
 * resolved by {@link io.steward.provider.application.ModelResolver}.
 */
package io.steward.provider.application;
