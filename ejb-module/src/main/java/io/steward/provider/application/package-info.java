/**
 * Which chat model a run uses: the installation's configured OpenAI-compatible model, or the
 * built-in offline model. Per-workspace providers (bring your own AI) plug in behind {@link
 * io.steward.provider.application.ModelResolver}.
 */
package io.steward.provider.application;
