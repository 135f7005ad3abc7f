package io.steward.agent.application.internal;

import io.steward.agent.application.internal.LiveRuns.LiveRun;
import io.steward.agent.domain.RunEvent;
import io.steward.agent.spi.Agent;
import io.steward.agent.spi.AgentTool;
import io.steward.approval.domain.Requester;
import io.steward.provider.application.ChatModelChoice;
import io.steward.shared.domain.InvalidInputException;
import io.steward.tenancy.application.Caller;
import io.steward.tenancy.domain.WorkspaceId;
import io.steward.tenancy.domain.WorkspaceRole;
import io.steward.workspace.domain.Workspace;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A run for testing the parts of the run engine on their own, without a server: the agent {@code
 * task} acts with the given model, and the events the run writes are kept in memory.
 */
final class TestRun {

  static final Agent TASK =
      new Agent() {
        @Override
        public Profile profile() {
          return new Profile("task", "Keeps the team's tasks.", List.of());
        }

        @Override
        public List<AgentTool> tools() {
          return List.of();
        }
      };

  private final List<RunEvent> stored = new ArrayList<>();
  private final LiveRun live = new LiveRuns().open(UUID.randomUUID());
  private final RunContext run;

  TestRun(ChatModelChoice model) {
    this(model, WorkspaceRole.MEMBER);
  }

  /** A run of a person with {@code role} in the run's workspace. */
  TestRun(ChatModelChoice model, WorkspaceRole role) {
    Workspace workspace = workspace();
    RunJob job =
        new RunJob(
            UUID.randomUUID(),
            workspace,
            "run-1",
            "thread-1",
            new Caller(
                "alice-id",
                "alice",
                "alice@example.com",
                "Alice",
                false,
                Map.of(workspace.id(), role)),
            Requester.chatting("alice-id"),
            List.of(),
            false,
            model,
            Conversation.restore("[]", "[]"),
            List.of(),
            live);
    run =
        new RunContext(
            job,
            new RunStore() {
              @Override
              public void addEvents(List<RunEvent> events) {
                stored.addAll(events);
              }
            });
    run.act(TASK, model);
  }

  RunContext context() {
    return run;
  }

  /** Asks to cancel the run, as a client would. */
  void cancel() {
    live.requestCancel();
  }

  /** The events the run wrote so far. */
  List<JsonObject> events() {
    run.recorder().flush();
    List<JsonObject> events = new ArrayList<>();
    for (RunEvent event : stored) {
      try (JsonReader reader = Json.createReader(new StringReader(event.payload()))) {
        events.add(reader.readObject());
      }
    }
    return events;
  }

  /** The events of one type the run wrote so far. */
  List<JsonObject> events(String type) {
    return events().stream().filter(event -> event.getString("type").equals(type)).toList();
  }

  /** All text the client was sent, joined. */
  String text() {
    StringBuilder text = new StringBuilder();
    events("TEXT_MESSAGE_CONTENT").forEach(event -> text.append(event.getString("delta")));
    return text.toString();
  }

  private static Workspace workspace() {
    try {
      return Workspace.found(new WorkspaceId(UUID.randomUUID()), "Acme", "alice-id", Instant.EPOCH);
    } catch (InvalidInputException e) {
      throw new IllegalStateException(e);
    }
  }
}
