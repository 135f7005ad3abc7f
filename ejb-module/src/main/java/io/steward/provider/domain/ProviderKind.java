package io.steward.provider.domain;

/** Which API a provider speaks. */
public enum ProviderKind {
  /** OpenAI's own API; the base URL defaults to OpenAI's. */
  OPENAI,
  /** Anthropic's Messages API; the base URL defaults to Anthropic's. */
  ANTHROPIC,
  /** Any server speaking OpenAI's chat-completions API (Ollama, vLLM, gateways); needs a URL. */
  OPENAI_COMPATIBLE
}
