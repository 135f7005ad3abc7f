package io.steward.agent.application.internal;

import io.steward.agent.application.AgentRegistry;
import io.steward.agent.application.AgentRouter;
import io.steward.agent.application.PlanStep;
import io.steward.agent.application.Playbooks.Playbook;
import io.steward.agent.application.PromptTemplates;
import io.steward.agent.application.RunRequest.Orchestration;
import io.steward.agent.application.internal.RunJob.Stage;
import io.steward.agent.spi.Agent;
import io.steward.provider.application.ChatModelChoice;
import io.steward.provider.application.ModelCalls;
import io.steward.provider.application.ModelResolver;
import io.steward.shared.domain.InvalidInputException;
import io.steward.shared.domain.StewardException;
import io.steward.tenancy.application.CurrentCaller;
import io.steward.tenancy.domain.UnknownRecordException;
import io.steward.tenancy.domain.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Who acts in a run. When the run starts: the stages the client names (one agent, a pipeline or a
 * playbook's steps), checked. When it executes: those stages, or the agents the orchestrator
 * classifies the message for, and then each agent in turn as the acting one, with its model.
 */
@ApplicationScoped
public class RunRouting {

  private static final Logger LOG = Logger.getLogger(RunRouting.class.getName());
  private static final int MAX_LABEL_CHARS = 64;

  @Inject AgentRegistry registry;
  @Inject PlaybookCatalog playbooks;
  @Inject PromptTemplates templates;
  @Inject Orchestrator orchestrator;
  @Inject AgentRouter router;
  @Inject RunModels models;
  @Inject ModelResolver resolver;
  @Inject RunModelCalls modelCalls;
  @Inject ToolCalls toolCalls;
  @Inject CurrentCaller currentCaller;
  @Inject RunStore store;

  /**
   * The stages a request names: one agent, a pipeline or a playbook's steps (rendered with the
   * run's variables); none when the orchestrator is to classify the request.
   */
  List<Stage> stagesOf(WorkspaceId workspace, String agentName, Orchestration orchestration)
      throws StewardException {
    int named =
        (agentName == null ? 0 : 1)
            + (orchestration.pipeline().isEmpty() ? 0 : 1)
            + (orchestration.playbook() == null ? 0 : 1);
    if (named > 1 || (named == 1 && orchestration.plan())) {
      throw new InvalidInputException(
          "forwardedProps",
          "name one agent, a pipeline or a playbook; plan mode plans from the request alone");
    }
    if (agentName != null) {
      return List.of(
          Stage.of(
              registry
                  .agent(agentName)
                  .orElseThrow(() -> new UnknownRecordException("agent", agentName, "agentName"))));
    }
    if (!orchestration.pipeline().isEmpty()) {
      if (orchestration.pipeline().size() > Orchestrator.MAX_PIPELINE) {
        throw new InvalidInputException(
            "forwardedProps.pipeline", "names at most " + Orchestrator.MAX_PIPELINE + " agents");
      }
      List<Stage> stages = new ArrayList<>();
      for (String name : orchestration.pipeline()) {
        stages.add(
            Stage.of(
                registry
                    .agent(name)
                    .orElseThrow(
                        () ->
                            new InvalidInputException(
                                "forwardedProps.pipeline", "names no agent: " + name))));
      }
      return stages;
    }
    if (orchestration.playbook() != null) {
      return playbookStages(
          playbooks.find(workspace, orchestration.playbook()), orchestration.variables());
    }
    return List.of();
  }

  private List<Stage> playbookStages(Playbook playbook, Map<String, String> variables)
      throws InvalidInputException {
    int maxChars = DefaultAgentRunService.MAX_MESSAGE_CHARS;
    List<Stage> stages = new ArrayList<>();
    for (PlanStep step : playbook.steps()) {
      Map<String, String> values = new HashMap<>();
      for (Map.Entry<String, String> variable : step.variables().entrySet()) {
        String value = variable.getValue();
        if (value.matches("\\$\\w+")) {
          String name = value.substring(1);
          value = variables.get(name);
          if (value == null || value.isBlank() || value.length() > maxChars) {
            throw new InvalidInputException(
                "forwardedProps.variables." + name,
                "is required by playbook "
                    + playbook.id()
                    + ", at most "
                    + maxChars
                    + " characters");
          }
        }
        values.put(variable.getKey(), value);
      }
      stages.add(
          new Stage(
              registry.agent(step.action()).orElseThrow(),
              templates.template(step.template()).orElseThrow().render(values),
              step.from()));
    }
    return stages;
  }

  /** How a run records who acts in it: the agents' names, joined by "+". */
  static String label(List<Stage> stages) {
    String label = String.join("+", stages.stream().map(stage -> stage.agent().name()).toList());
    return label.length() > MAX_LABEL_CHARS ? label.substring(0, MAX_LABEL_CHARS) : label;
  }

  /**
   * The routing step of a run: the stages to act (the job's, or those the orchestrator classifies
   * the message for) with the first stage's agent acting, or in plan mode the orchestrator; what
   * the client left open is recorded on the run.
   */
  List<Stage> route(RunContext run) throws RunFailure {
    RunJob job = run.job();
    run.writer().stepStarted("routing");
    List<Stage> stages = job.stages();
    if (job.plan()) {
      run.act(null, models.choose(job, null));
      currentCaller.actAs(RunContext.ORCHESTRATOR);
    } else {
      if (stages.isEmpty()) {
        stages = classify(run).stream().map(Stage::of).toList();
      }
      enter(run, stages.get(0).agent());
    }
    if (job.stages().isEmpty() || job.model() == null) {
      store.routed(
          job.run(), job.plan() ? RunContext.ORCHESTRATOR : label(stages), run.model().name());
    }
    run.writer().stepFinished("routing");
    return stages;
  }

  /** Makes {@code agent} the acting one, with its model unless the client chose one. */
  void enter(RunContext run, Agent agent) throws RunFailure {
    run.act(agent, models.choose(run.job(), agent));
    currentCaller.actAs(agent.name());
  }

  /**
   * The agents for the message: asked of the orchestrator's model (a constrained JSON answer), or,
   * when that model is the offline one or gives no usable answer, the closest agent by meaning (the
   * task agent when nothing is close).
   */
  private List<Agent> classify(RunContext run) throws RunFailure {
    String message = run.job().conversation().lastUserText();
    run.act(null, models.choose(run.job(), null));
    if (!run.model().offline() && message != null && !message.isBlank()) {
      ModelCalls.Completion answer =
          modelCalls.complete(run, orchestrator.classificationRequest(message));
      if (answer.failure() == null) {
        List<Agent> agents = orchestrator.agentsFrom(answer.response().aiMessage().text());
        if (!agents.isEmpty()) {
          return agents;
        }
      }
      LOG.info(
          "Run "
              + run.runId()
              + ": no usable classification ("
              + (answer.failure() == null ? "answer not valid" : answer.failure().code())
              + "); routing by meaning");
    }
    return List.of(closestAgent(run, message));
  }

  /**
   * The agent closest in meaning to the message. With the offline model, an agent whose tools the
   * model would use for the message goes first: it understands only a few requests, and those by
   * their wording, not by their topic.
   */
  Agent closestAgent(RunContext run, String message) {
    ChatModelChoice model = run.model();
    if (!model.offline()) {
      return router.route(message).agent();
    }
    return router
        .route(
            message,
            candidate ->
                model.understands(
                    message,
                    toolCalls
                        .offered(candidate, resolver.setup(run.workspace(), candidate.name()))
                        .keySet()))
        .agent();
  }
}
