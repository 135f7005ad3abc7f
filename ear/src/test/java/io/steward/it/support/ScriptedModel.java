package io.steward.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link ScriptedModelServer} for one test class, registered with {@code @RegisterExtension
 * static final ScriptedModel model = new ScriptedModel();}: started before the class's first test,
 * {@linkplain ScriptedModelServer#reset() reset} before each test, so no test sees another's
 * replies or requests, and stopped after the last one.
 *
 * <p>It binds the server only in {@code beforeAll}, so a class JUnit skips never holds the port.
 */
public final class ScriptedModel
    implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

  /**
   * The port the build gives the scripted model; the test environment points Steward's installation
   * model there, and tests point workspace providers there.
   */
  public static final int PORT = Integer.getInteger("steward.it.model.port", 9098);

  private final int port;
  private ScriptedModelServer server;

  /** On the build's model port, {@link #PORT}. */
  public ScriptedModel() {
    this(PORT);
  }

  /** On {@code port}; 0 picks a free one. */
  public ScriptedModel(int port) {
    this.port = port;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    server = new ScriptedModelServer(port);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    server().reset();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  /** The running server, for what the shortcuts below do not cover. */
  public ScriptedModelServer server() {
    if (server == null) {
      throw new IllegalStateException("the scripted model runs only while its test class does");
    }
    return server;
  }

  /** See {@link ScriptedModelServer#baseUrl()}. */
  public String baseUrl() {
    return server().baseUrl();
  }

  /** See {@link ScriptedModelServer#enqueue}. */
  public ScriptedModelServer enqueue(ScriptedModelServer.Reply... replies) {
    return server().enqueue(replies);
  }

  /** See {@link ScriptedModelServer#requests()}. */
  public List<JsonNode> requests() {
    return server().requests();
  }

  /** See {@link ScriptedModelServer#awaitRequests}. */
  public List<JsonNode> awaitRequests(int count, Duration timeout) throws InterruptedException {
    return server().awaitRequests(count, timeout);
  }

  /** See {@link ScriptedModelServer#reset()}; for a test that scripts a second conversation. */
  public void reset() {
    server().reset();
  }

  /** See {@link ScriptedModelServer#authorizations()}. */
  public List<String> authorizations() {
    return server().authorizations();
  }
}
