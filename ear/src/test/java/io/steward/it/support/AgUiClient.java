package io.steward.it.support;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The real AG-UI client: runs go through {@code @ag-ui/client} 1.0's {@code HttpAgent}, driven by
 * the Node harness {@code agui-run.mjs} ({@code ear/src/test/clients}, installed by the build with
 * {@code npm ci} under {@code target/clients}), one {@code node} process per run — or per pair of
 * runs, an interrupted one and its resume ({@code agui-resume.mjs}).
 *
 * <p>The stream it hands back is the response body exactly as the client received it (the harness
 * tees it), so tests keep asserting framing, SSE ids and content. At its end the run must have been
 * accepted by the client: HTTP 200 as {@code text/event-stream}, nothing thrown, nothing printed
 * (the client warns when it strips unknown keys, drops nulls or unknown events), every event valid
 * by {@code @ag-ui/core}'s schemas and handed on unchanged — and the events the client delivered
 * must be exactly the events the tests see. A stream closed early is held to the same, so far.
 */
public final class AgUiClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Where the build installed the harness; failsafe passes it, the default suits ear/. */
  private static final Path HARNESS =
      Path.of(System.getProperty("steward.it.clients", "target/clients")).toAbsolutePath();

  private AgUiClient() {}

  /**
   * Starts a run: the client POSTs {@code input} (a RunAgentInput) to {@code url} with the bearer
   * token; the stream is read as it arrives.
   */
  public static AgUiStream.Live run(String url, String token, Object input) {
    return AgUiStream.live(new Harness(start("agui-run.mjs", url, token, input)));
  }

  /**
   * A run that ends with interrupts, then the run that answers them, through one client (which
   * holds the pending interrupts and refuses a second run leaving one unanswered): {@code answers}
   * has one entry per interrupt, in order — a payload map ({@code approved}, {@code comment},
   * {@code arguments}) or {@code "cancelled"}. Both runs must be accepted by the client.
   */
  public static Resumption runAndResume(
      String url, String token, Map<String, Object> input, String runId, List<Object> answers) {
    Map<String, Object> both = new LinkedHashMap<>(input);
    both.put("then", Map.of("runId", runId, "answers", answers));
    Process process = start("agui-resume.mjs", url, token, both);
    List<List<JsonNode>> events = List.of(new ArrayList<>(), new ArrayList<>());
    List<JsonNode> ends = new ArrayList<>();
    JsonNode resume = null;
    try (BufferedReader lines = process.inputReader(UTF_8)) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        JsonNode report = JSON.readTree(line);
        switch (report.path("kind").asText()) {
          case "event" -> events.get(Math.min(ends.size(), 1)).add(report.get("event"));
          case "end" -> ends.add(report);
          case "resume" -> resume = report.get("resume");
          case "console", "invalid" ->
              throw new AssertionError("the AG-UI client did not take a run as sent: " + line);
          default -> {
            // the response status and the raw body are in the end reports and the events
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      process.destroy();
    }
    if (ends.size() != 2 || resume == null) {
      throw new AssertionError("the AG-UI client harness stopped after " + ends);
    }
    for (JsonNode end : ends) {
      if (!end.path("accepted").asBoolean() || end.path("status").asInt() != 200) {
        throw new AssertionError("the AG-UI client did not accept the run: " + end);
      }
    }
    return new Resumption(events.get(0), ends.get(0), resume, events.get(1), ends.get(1));
  }

  /** Two runs as the client took them, and the {@code resume} it sent with the second. */
  public record Resumption(
      List<JsonNode> firstEvents,
      JsonNode firstEnd,
      JsonNode resume,
      List<JsonNode> secondEvents,
      JsonNode secondEnd) {

    /** The interrupted run's events as a stream. */
    public AgUiStream first() {
      return streamOf(firstEvents);
    }

    /** The resumed run's events as a stream. */
    public AgUiStream second() {
      return streamOf(secondEvents);
    }

    private static AgUiStream streamOf(List<JsonNode> events) {
      StringBuilder body = new StringBuilder();
      events.forEach(event -> body.append("data: ").append(event).append("\n\n"));
      return AgUiStream.parse(body.toString());
    }
  }

  private static Process start(String script, String url, String token, Object input) {
    Path harness = HARNESS.resolve(script);
    if (!Files.isDirectory(HARNESS.resolve("node_modules/@ag-ui/client"))) {
      throw new AssertionError(
          "The AG-UI client is not installed in "
              + HARNESS
              + "; the build installs it before the integration tests (npm ci)");
    }
    ProcessBuilder builder =
        new ProcessBuilder(System.getProperty("steward.it.node", "node"), harness.toString(), url)
            .directory(HARNESS.toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT);
    builder.environment().put("AGUI_BEARER_TOKEN", token);
    try {
      Process process = builder.start();
      try (OutputStream stdin = process.getOutputStream()) {
        stdin.write(JSON.writeValueAsBytes(input));
      }
      return process;
    } catch (IOException e) {
      throw new UncheckedIOException("could not run the AG-UI client harness " + harness, e);
    }
  }

  /** One harness process, read line by line: each line one JSON report. */
  private static final class Harness implements AgUiStream.Source {

    private final Process process;
    private final List<JsonNode> delivered = new ArrayList<>();
    private final List<JsonNode> printed = new ArrayList<>();
    private final List<JsonNode> invalid = new ArrayList<>();
    private JsonNode response;
    private JsonNode end;

    Harness(Process process) {
      this.process = process;
    }

    @Override
    public void pump(Consumer<String> text) throws IOException {
      try (BufferedReader lines = process.inputReader(UTF_8)) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          JsonNode report = JSON.readTree(line);
          String kind = report.path("kind").asText();
          if (kind.equals("raw")) {
            text.accept(report.get("text").asText());
            continue;
          }
          synchronized (this) {
            switch (kind) {
              case "response" -> response = report;
              case "event" -> delivered.add(report.get("event"));
              case "console" -> printed.add(report);
              case "invalid" -> invalid.add(report);
              case "end" -> end = report;
              default -> throw new AssertionError("the AG-UI client harness printed: " + line);
            }
          }
        }
      }
    }

    @Override
    public synchronized void check(AgUiStream stream, boolean complete) {
      List<JsonNode> warnings =
          printed.stream().filter(line -> !line.get("level").asText().equals("error")).toList();
      if (!warnings.isEmpty() || !invalid.isEmpty()) {
        throw new AssertionError(
            "the AG-UI client warned " + warnings + "; schema failures: " + invalid);
      }
      if (complete) {
        checkEnd(stream);
      }
      int common = Math.min(delivered.size(), stream.events().size());
      for (int i = 0; i < common; i++) {
        if (!delivered.get(i).equals(stream.events().get(i).json())) {
          throw new AssertionError(
              "the AG-UI client delivered event #"
                  + i
                  + " as "
                  + delivered.get(i)
                  + " but it was sent as "
                  + stream.events().get(i));
        }
      }
    }

    private void checkEnd(AgUiStream stream) {
      if (end == null) {
        throw new AssertionError(
            "the AG-UI client harness ended without its report"
                + (process.isAlive() ? "" : " (exit code " + process.exitValue() + ")"));
      }
      int status = end.path("status").asInt();
      if (status != 200) {
        throw new AssertionError(
            "HTTP " + status + " instead of an AG-UI stream: " + end.path("thrown").asText());
      }
      String contentType = response.path("contentType").asText().split(";")[0].strip();
      if (!contentType.equals("text/event-stream")) {
        throw new AssertionError("the run answered " + contentType + ", not text/event-stream");
      }
      if (!end.path("accepted").asBoolean()) {
        throw new AssertionError("the AG-UI client did not accept the run: " + end);
      }
      if (delivered.size() != stream.events().size()) {
        throw new AssertionError(
            "the AG-UI client delivered "
                + delivered.size()
                + " events of the "
                + stream.events().size()
                + " in the body "
                + stream.types());
      }
    }

    @Override
    public void close() {
      process.destroy();
    }
  }
}
