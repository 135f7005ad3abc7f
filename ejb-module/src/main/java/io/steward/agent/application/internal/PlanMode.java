package io.steward.agent.application.internal;

import dev.langchain4j.data.message.AiMessage;
import io.steward.agent.application.PlanStep;
import io.steward.agent.application.Playbooks.Playbook;
import io.steward.provider.application.ModelCalls;
import io.steward.shared.domain.InvalidInputException;
import io.steward.tenancy.domain.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Plan mode: a run that answers an execution plan instead of acting. The plan is a kept playbook
 * close in meaning to the request, or a new plan from the orchestrator's model (validated and kept
 * as a playbook), or with the offline model a one-step plan for the closest agent. Templates are
 * named by id only.
 */
@ApplicationScoped
public class PlanMode {

  static final String PLAN_EVENT_NAME = "steward.plan";

  private static final Logger LOG = Logger.getLogger(PlanMode.class.getName());

  @Inject PlaybookCatalog playbooks;
  @Inject Orchestrator orchestrator;
  @Inject RunRouting routing;
  @Inject RunModelCalls modelCalls;

  /** Writes the plan for the run's request (as an event and a short answer). */
  void plan(RunContext run) throws RunFailure {
    RunJob job = run.job();
    AgUiWriter writer = run.writer();
    String request = job.conversation().lastUserText();
    if (request == null || request.isBlank()) {
      throw new RunFailure("VALIDATION", "Plan mode needs a request to plan.");
    }
    writer.stepStarted("planning");
    WorkspaceId workspace = run.workspace();
    Playbook playbook = playbooks.closest(workspace, request).orElse(null);
    boolean cached = playbook != null;
    if (!cached) {
      List<PlanStep> steps = steps(run, request);
      try {
        playbooks.validate(steps);
      } catch (InvalidInputException e) {
        LOG.info(
            "Run " + run.runId() + " got an invalid plan: " + e.field() + " " + e.getMessage());
        throw new RunFailure(
            "PLAN_INVALID", "No valid plan came of this request; rephrase it and ask again.");
      }
      playbook = playbooks.save(workspace, request, steps, job.caller().userId());
    }
    writer.stepFinished("planning");
    writer.custom(PLAN_EVENT_NAME, planEvent(playbook, cached));
    writer.stepStarted("answer");
    String messageId = writer.beginAssistantMessage();
    String summary =
        "Here is a plan in "
            + playbook.steps().size()
            + (playbook.steps().size() == 1 ? " step" : " steps")
            + (cached ? ", from the playbook \"" + playbook.name() + "\"" : "")
            + ". Run it as playbook "
            + playbook.id()
            + (playbook.variables().isEmpty()
                ? "."
                : " with the variables " + String.join(", ", playbook.variables()) + ".");
    writer.text(summary);
    writer.stepFinished("answer");
    job.conversation().add(AiMessage.from(summary), messageId);
  }

  /** New steps for the request, not yet validated. */
  private List<PlanStep> steps(RunContext run, String request) throws RunFailure {
    if (run.model().offline()) {
      return List.of(
          new PlanStep(
              routing.closestAgent(run, request).name(),
              "ask",
              Map.of("request", request),
              List.of()));
    }
    ModelCalls.Completion answer = modelCalls.complete(run, orchestrator.planRequest(request));
    if (answer.failure() != null) {
      throw new RunFailure(answer.failure());
    }
    return orchestrator.stepsFrom(answer.response().aiMessage().text());
  }

  private static JsonObject planEvent(Playbook playbook, boolean cached) {
    JsonArrayBuilder steps = Json.createArrayBuilder();
    for (int i = 0; i < playbook.steps().size(); i++) {
      PlanStep step = playbook.steps().get(i);
      JsonObjectBuilder variables = Json.createObjectBuilder();
      step.variables().forEach(variables::add);
      JsonArrayBuilder from = Json.createArrayBuilder();
      step.from().forEach(from::add);
      steps.add(
          Json.createObjectBuilder()
              .add("step", i + 1)
              .add("action", step.action())
              .add("template", step.template())
              .add("variables", variables)
              .add("from", from));
    }
    JsonArrayBuilder variables = Json.createArrayBuilder();
    playbook.variables().forEach(variables::add);
    return Json.createObjectBuilder()
        .add("playbookId", playbook.id())
        .add("name", playbook.name())
        .add("cached", cached)
        .add("variables", variables)
        .add("steps", steps)
        .build();
  }
}
