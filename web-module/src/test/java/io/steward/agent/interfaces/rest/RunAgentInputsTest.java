package io.steward.agent.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.steward.agent.application.RunRequest;
import io.steward.agent.application.RunRequest.ContextItem;
import io.steward.agent.application.RunRequest.InputMessage;
import io.steward.agent.application.RunRequest.InputToolCall;
import io.steward.agent.application.RunRequest.Orchestration;
import io.steward.shared.domain.InvalidInputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tests that {@link RunAgentInputs} reads a {@code RunAgentInput} as the {@code @ag-ui/client}
 * sends it, and refuses malformed bodies naming the field at fault.
 */
class RunAgentInputsTest {

  @Test
  void should_read_a_full_run_agent_input_as_the_ag_ui_client_sends_it() throws Exception {
    String body =
        """
        {"threadId":"thread-1","runId":"run-2","parentRunId":"run-1","protocolVersion":"1.0",
         "state":{"page":"deals"},
         "messages":[
           {"id":"m1","role":"system","content":"Answer briefly."},
           {"id":"m2","role":"user","content":"Find Northwind"},
           {"id":"m3","role":"assistant","toolCalls":[
             {"id":"call-1","type":"function",
              "function":{"name":"find_contacts","arguments":"{\\"q\\":\\"Northwind\\"}"}}]},
           {"id":"m4","role":"tool","toolCallId":"call-1","content":"{\\"items\\":[]}"},
           {"id":"m5","role":"user","content":[
             {"type":"text","text":"And deals?"},
             {"type":"binary","mimeType":"image/png","data":"iVBORw0KGgo="},
             {"type":"text","text":"Only open ones."}]}],
         "tools":[{"name":"confirm","description":"Asks the user","parameters":{"type":"object"}}],
         "context":[{"description":"Current page","value":"/deals"},"ignored"],
         "forwardedProps":{"model":"offline","theme":"dark"}}
        """;

    RunRequest request = RunAgentInputs.read(body);

    assertEquals(
        new RunRequest(
            "thread-1",
            "run-2",
            List.of(
                message("m1", "system", "Answer briefly."),
                message("m2", "user", "Find Northwind"),
                new InputMessage(
                    "m3",
                    "assistant",
                    null,
                    List.of(new InputToolCall("call-1", "find_contacts", "{\"q\":\"Northwind\"}")),
                    null),
                new InputMessage("m4", "tool", "{\"items\":[]}", List.of(), "call-1"),
                message("m5", "user", "And deals?\n\nOnly open ones.")),
            List.of(new ContextItem("Current page", "/deals")),
            "offline",
            Orchestration.DEFAULT),
        request);
  }

  @Test
  void should_read_the_orchestration_props() throws Exception {
    RunRequest request =
        RunAgentInputs.read(
            "{\"threadId\":\"t\",\"runId\":\"r\",\"messages\":[],\"forwardedProps\":{"
                + "\"mode\":\"plan\",\"pipeline\":[\"crm\",\"task\"],\"playbook\":\"weekly-report\","
                + "\"variables\":{\"sender\":\"Nora\"}}}");

    assertEquals(
        new Orchestration(true, List.of("crm", "task"), "weekly-report", Map.of("sender", "Nora")),
        request.orchestration());
    assertRefused(
        "{\"messages\":[],\"forwardedProps\":{\"mode\":\"dream\"}}", "forwardedProps.mode");
    assertRefused(
        "{\"messages\":[],\"forwardedProps\":{\"pipeline\":[1]}}", "forwardedProps.pipeline");
    assertRefused(
        "{\"messages\":[],\"forwardedProps\":{\"variables\":{\"a\":1}}}",
        "forwardedProps.variables.a");
  }

  @Test
  void should_read_a_minimal_input_without_context_or_model() throws Exception {
    RunRequest request =
        RunAgentInputs.read(
            "{\"threadId\":\"t\",\"runId\":\"r\",\"messages\":[],\"forwardedProps\":{}}");

    assertEquals(
        new RunRequest("t", "r", List.of(), List.of(), null, Orchestration.DEFAULT), request);
  }

  @Test
  void should_leave_fields_of_the_wrong_type_unset_for_the_service_to_check() throws Exception {
    RunRequest request =
        RunAgentInputs.read(
            "{\"threadId\":1,\"messages\":[{\"role\":\"user\",\"content\":{\"text\":\"x\"}}],"
                + "\"forwardedProps\":\"offline\"}");

    assertNull(request.threadId());
    assertNull(request.runId());
    assertNull(request.model());
    assertEquals(List.of(message(null, "user", null)), request.messages());
  }

  @Test
  void should_refuse_a_body_that_is_not_a_json_object() {
    for (String body : new String[] {null, "", "not json", "[]", "\"text\"", "{\"messages\":["}) {
      assertRefused(body, "body");
    }
  }

  @Test
  void should_refuse_deeply_nested_json_as_input_not_as_a_server_failure() {
    for (int depth : new int[] {101, 1_000, 200_000}) {
      String nested = "[".repeat(depth) + "]".repeat(depth);
      assertRefused("{\"messages\":" + nested + "}", "body");
      assertRefused(nested, "body");
    }
  }

  @Test
  void should_refuse_input_without_a_message_list() {
    assertRefused("{\"threadId\":\"t\",\"runId\":\"r\"}", "messages");
    assertRefused("{\"threadId\":\"t\",\"runId\":\"r\",\"messages\":{}}", "messages");
  }

  @Test
  void should_refuse_a_message_that_is_not_an_object() {
    assertRefused("{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"},\"Hi\"]}", "messages[1]");
  }

  @Test
  void should_refuse_malformed_tool_calls() {
    assertRefused(
        "{\"messages\":[{\"role\":\"assistant\",\"toolCalls\":[\"find\"]}]}",
        "messages[0].toolCalls");
    assertRefused(
        "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"},"
            + "{\"role\":\"assistant\",\"toolCalls\":[{\"id\":\"c\",\"name\":\"find\"}]}]}",
        "messages[1].toolCalls");
  }

  private static void assertRefused(String body, String field) {
    InvalidInputException refused =
        assertThrows(InvalidInputException.class, () -> RunAgentInputs.read(body), body);
    assertEquals(field, refused.field(), body);
  }

  private static InputMessage message(String id, String role, String content) {
    return new InputMessage(id, role, content, List.of(), null);
  }
}
