package io.steward.agent.application;

import java.util.List;
import java.util.Map;

/**
 * One step of an execution plan: the agent that acts, the id of the server-side prompt template it
 * is given, the template's variables (a value, or {@code $name} for a variable the run supplies)
 * and the earlier steps (1-based) whose results it uses.
 */
public record PlanStep(
    String action, String template, Map<String, String> variables, List<Integer> from) {

  public PlanStep {
    variables = Map.copyOf(variables);
    from = List.copyOf(from);
  }
}
