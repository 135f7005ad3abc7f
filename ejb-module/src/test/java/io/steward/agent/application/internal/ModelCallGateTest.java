package io.steward.agent.application.internal;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.steward.tenancy.domain.WorkspaceId;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ModelCallGateTest {

  @Test
  void should_give_each_workspace_its_own_cap_of_calls_in_flight() throws Exception {
    ModelCallGate gate = new ModelCallGate();
    gate.maxConcurrentCalls = 2;
    WorkspaceId busy = new WorkspaceId(UUID.randomUUID());
    AutoCloseable first = gate.enter(busy, Duration.ZERO);
    AutoCloseable second = gate.enter(busy, Duration.ZERO);
    assertNotNull(first);
    assertNotNull(second);
    assertNull(gate.enter(busy, Duration.ofMillis(50)), "a third call waits, then gives up");
    assertNotNull(gate.enter(new WorkspaceId(UUID.randomUUID()), Duration.ZERO), "others go on");
    first.close();
    assertNotNull(gate.enter(busy, Duration.ZERO), "a finished call frees its place");
  }
}
