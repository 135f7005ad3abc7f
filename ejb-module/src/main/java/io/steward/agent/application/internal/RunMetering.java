package io.steward.agent.application.internal;

import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.steward.provider.application.ChatModelChoice;
import io.steward.provider.application.UsageMeter;
import io.steward.provider.application.UsageMeter.UsageRecord;
import io.steward.shared.domain.QuotaExceededException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The tokens of a run's model calls, charged to whoever acts (an agent or the orchestrator): the
 * budget is checked before a call, and its tokens are added to the run and recorded as usage after
 * it. The offline model costs nothing and is neither checked nor metered.
 */
@ApplicationScoped
public class RunMetering {

  @Inject UsageMeter meter;

  /** Refuses a hosted model's call when the workspace or the acting agent used its budget. */
  void requireBudget(RunContext run) throws RunFailure {
    if (run.model().offline()) {
      return;
    }
    try {
      meter.requireBudget(run.job().workspace(), run.actor());
    } catch (QuotaExceededException e) {
      throw new RunFailure("QUOTA_EXCEEDED", e.getMessage());
    }
  }

  /**
   * Adds a call's tokens to the run and, for hosted models, records them as usage: the provider's
   * figures, or a rough estimate (about four characters a token of what was sent and received) when
   * it gave none.
   */
  void count(RunContext run, ChatRequest request, ChatResponse response) {
    ChatModelChoice model = run.model();
    TokenUsage tokens = response.tokenUsage();
    boolean estimated =
        tokens == null || tokens.inputTokenCount() == null || tokens.outputTokenCount() == null;
    if (model.offline()) {
      run.usage()
          .add(
              model,
              estimated ? 0 : tokens.inputTokenCount(),
              estimated ? 0 : tokens.outputTokenCount());
      return;
    }
    long in = estimated ? estimateTokens(request.toString()) : tokens.inputTokenCount();
    long out =
        estimated ? estimateTokens(response.aiMessage().toString()) : tokens.outputTokenCount();
    run.usage().add(model, in, out);
    meter.record(
        new UsageRecord(
            run.job().workspace(),
            run.job().run(),
            run.actor(),
            model,
            run.job().caller().userId(),
            in,
            out,
            estimated));
  }

  private static long estimateTokens(String text) {
    return (text.length() + 3) / 4;
  }
}
