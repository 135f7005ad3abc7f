package io.steward.agent.application.internal;

import io.steward.agent.application.AgentRegistry;
import io.steward.agent.application.AgentRouter;
import io.steward.agent.application.PlanStep;
import io.steward.agent.application.Playbooks;
import io.steward.agent.application.PromptTemplates;
import io.steward.agent.application.PromptTemplates.PromptTemplate;
import io.steward.agent.domain.AgentRuns;
import io.steward.agent.domain.SavedPlaybook;
import io.steward.provider.domain.EmbeddingModel;
import io.steward.shared.domain.AccessDeniedException;
import io.steward.shared.domain.InvalidInputException;
import io.steward.shared.domain.RuleViolationException;
import io.steward.shared.domain.StewardException;
import io.steward.tenancy.application.CurrentCaller;
import io.steward.tenancy.application.WorkspaceAccess;
import io.steward.tenancy.domain.UnknownRecordException;
import io.steward.tenancy.domain.WorkspaceId;
import io.steward.tenancy.domain.WorkspaceRole;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Built-in and saved playbooks, plan validation, and the plan cache: a plan request close in
 * meaning to a playbook's request is answered with that playbook.
 */
@Stateless
@LocalBean
@Local(Playbooks.class)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class PlaybookCatalog implements Playbooks {

  static final int MAX_STEPS = 8;

  /** How close (cosine) a plan request must come to a playbook's request to reuse it. */
  static final double CACHE_SIMILARITY = 0.8;

  private static final int CANDIDATES = 50;

  private static final List<Playbook> BUILT_IN =
      List.of(
          new Playbook(
              "create-task-from-email",
              "Create task from email",
              "Create a task from an email and log the email with the contact who sent it",
              true,
              List.of("sender", "email"),
              List.of(
                  new PlanStep(
                      "task",
                      "task-from-email",
                      Map.of("sender", "$sender", "email", "$email"),
                      List.of()),
                  new PlanStep(
                      "crm",
                      "log-email",
                      Map.of("sender", "$sender", "email", "$email"),
                      List.of(1))),
              null,
              null),
          new Playbook(
              "weekly-report",
              "Weekly report",
              "Write the weekly report: tasks due and overdue, open deals, saved as a note",
              true,
              List.of(),
              List.of(
                  new PlanStep("task", "due-and-overdue-tasks", Map.of(), List.of()),
                  new PlanStep("crm", "open-deals", Map.of(), List.of()),
                  new PlanStep("note", "weekly-report-note", Map.of(), List.of(1, 2))),
              null,
              null));

  @Inject WorkspaceAccess access;
  @Inject CurrentCaller currentCaller;
  @Inject AgentRuns runs;
  @Inject AgentRegistry registry;
  @Inject PromptTemplates templates;
  @Inject EmbeddingModel embeddings;

  @Override
  public List<Playbook> playbooks(WorkspaceId workspace) throws StewardException {
    access.require(workspace, WorkspaceRole.VIEWER);
    List<Playbook> all = new ArrayList<>(BUILT_IN);
    for (SavedPlaybook saved : runs.playbooks(workspace, 200)) {
      all.add(playbookOf(saved));
    }
    return all;
  }

  @Override
  public Playbook playbook(WorkspaceId workspace, String id) throws StewardException {
    access.require(workspace, WorkspaceRole.VIEWER);
    return find(workspace, id);
  }

  /** A playbook by id, without the access check (the caller made it). */
  public Playbook find(WorkspaceId workspace, String id) throws UnknownRecordException {
    for (Playbook builtIn : BUILT_IN) {
      if (builtIn.id().equals(id)) {
        return builtIn;
      }
    }
    return saved(workspace, id)
        .map(PlaybookCatalog::playbookOf)
        .orElseThrow(() -> new UnknownRecordException("playbook", id, "playbook"));
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public void delete(WorkspaceId workspace, String id) throws StewardException {
    WorkspaceRole role = access.require(workspace, WorkspaceRole.MEMBER);
    if (BUILT_IN.stream().anyMatch(p -> p.id().equals(id))) {
      throw new RuleViolationException("Built-in playbooks cannot be deleted");
    }
    SavedPlaybook saved =
        saved(workspace, id).orElseThrow(() -> new UnknownRecordException("playbook", id, "id"));
    if (!saved.createdBy().equals(currentCaller.get().userId())
        && !role.includes(WorkspaceRole.ADMIN)) {
      throw new AccessDeniedException("Only its author and admins delete a playbook");
    }
    runs.removePlaybook(saved);
  }

  /** The playbook whose request is closest in meaning to {@code request}, if close enough. */
  public Optional<Playbook> closest(WorkspaceId workspace, String request) {
    List<Playbook> candidates = new ArrayList<>(BUILT_IN);
    runs.playbooks(workspace, CANDIDATES).forEach(saved -> candidates.add(playbookOf(saved)));
    List<String> texts = new ArrayList<>();
    texts.add(request);
    candidates.forEach(candidate -> texts.add(candidate.request()));
    List<float[]> vectors = embeddings.embed(texts);
    Playbook best = null;
    double bestSimilarity = CACHE_SIMILARITY;
    for (int i = 0; i < candidates.size(); i++) {
      double similarity = AgentRouter.cosine(vectors.get(0), vectors.get(i + 1));
      if (similarity >= bestSimilarity) {
        best = candidates.get(i);
        bestSimilarity = similarity;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Keeps a plan as a playbook of the workspace. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Playbook save(WorkspaceId workspace, String request, List<PlanStep> steps, String by) {
    String name = request.strip().replaceAll("\\s+", " ");
    SavedPlaybook saved =
        new SavedPlaybook(
            workspace,
            name.length() > 80 ? name.substring(0, 79) + "…" : name,
            request.length() > 2000 ? request.substring(0, 2000) : request,
            toJson(steps),
            by,
            Instant.now());
    runs.addPlaybook(saved);
    return playbookOf(saved);
  }

  /**
   * Checks a plan: known agents and templates, every template variable given (a value or a {@code
   * $variable} of the run), references only to earlier steps. Answers the run variables it needs.
   */
  public List<String> validate(List<PlanStep> steps) throws InvalidInputException {
    if (steps.isEmpty() || steps.size() > MAX_STEPS) {
      throw new InvalidInputException("steps", "a plan has 1 to " + MAX_STEPS + " steps");
    }
    Set<String> needed = new LinkedHashSet<>();
    for (int i = 0; i < steps.size(); i++) {
      PlanStep step = steps.get(i);
      String field = "steps[" + i + "]";
      if (registry.agent(step.action() == null ? "" : step.action()).isEmpty()) {
        throw new InvalidInputException(field + ".action", "names no agent: " + step.action());
      }
      PromptTemplate template =
          templates
              .template(step.template() == null ? "" : step.template())
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          field + ".template", "names no prompt template: " + step.template()));
      if (!Set.copyOf(template.variables()).equals(step.variables().keySet())) {
        throw new InvalidInputException(
            field + ".variables", "must be exactly " + template.variables());
      }
      for (String value : step.variables().values()) {
        if (value == null || value.isBlank()) {
          throw new InvalidInputException(field + ".variables", "need values");
        }
        if (value.matches("\\$\\w+")) {
          needed.add(value.substring(1));
        }
      }
      for (Integer from : step.from()) {
        if (from == null || from < 1 || from > i) {
          throw new InvalidInputException(field + ".from", "may only name earlier steps");
        }
      }
    }
    if (toJson(steps).length() > SavedPlaybook.STEPS_MAX_LENGTH) {
      throw new InvalidInputException(
          "steps", "a plan is at most " + SavedPlaybook.STEPS_MAX_LENGTH + " characters as JSON");
    }
    return List.copyOf(needed);
  }

  private Optional<SavedPlaybook> saved(WorkspaceId workspace, String id) {
    try {
      return runs.playbook(workspace, UUID.fromString(id));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Playbook playbookOf(SavedPlaybook saved) {
    List<PlanStep> steps = fromJson(saved.steps());
    Set<String> variables = new LinkedHashSet<>();
    steps.forEach(
        step ->
            step.variables().values().stream()
                .filter(value -> value.matches("\\$\\w+"))
                .forEach(value -> variables.add(value.substring(1))));
    return new Playbook(
        saved.id().toString(),
        saved.name(),
        saved.request(),
        false,
        List.copyOf(variables),
        steps,
        saved.createdBy(),
        saved.createdAt());
  }

  static String toJson(List<PlanStep> steps) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    for (PlanStep step : steps) {
      JsonObjectBuilder variables = Json.createObjectBuilder();
      step.variables().forEach(variables::add);
      JsonArrayBuilder from = Json.createArrayBuilder();
      step.from().forEach(from::add);
      array.add(
          Json.createObjectBuilder()
              .add("action", step.action())
              .add("template", step.template())
              .add("variables", variables)
              .add("from", from));
    }
    return array.build().toString();
  }

  /**
   * Steps from JSON as plans are written ({@code {"steps": [...]}} or the array alone).
   *
   * @throws IllegalArgumentException when it is not such JSON
   */
  static List<PlanStep> fromJson(String json) {
    JsonValue value;
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      value = reader.readValue();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not JSON", e);
    }
    if (value instanceof JsonObject object && object.get("steps") instanceof JsonArray array) {
      value = array;
    }
    if (!(value instanceof JsonArray array)) {
      throw new IllegalArgumentException("not a list of steps");
    }
    List<PlanStep> steps = new ArrayList<>();
    for (JsonValue item : array) {
      if (!(item instanceof JsonObject step)) {
        throw new IllegalArgumentException("a step is not an object");
      }
      Map<String, String> variables = new LinkedHashMap<>();
      if (step.get("variables") instanceof JsonObject given) {
        given.forEach(
            (name, v) ->
                variables.put(name, v instanceof JsonString s ? s.getString() : v.toString()));
      }
      List<Integer> from = new ArrayList<>();
      if (step.get("from") instanceof JsonArray refs) {
        for (JsonValue ref : refs) {
          if (ref instanceof JsonNumber number) {
            from.add(number.intValue());
          }
        }
      }
      steps.add(
          new PlanStep(
              step.get("action") instanceof JsonString a ? a.getString() : null,
              step.get("template") instanceof JsonString t ? t.getString() : null,
              variables,
              from));
    }
    return steps;
  }
}
