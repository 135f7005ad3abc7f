package io.steward.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steward.it.support.Steward;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The server heals itself: an OutOfMemoryError ends the JVM with a heap dump, the supervisor that
 * {@code ./steward up --detach} leaves behind starts a dead server again, {@code ./steward down}
 * stops even a hung one, and the HTTP worker pool is sized so that waiting requests cannot starve
 * the others. Each test leaves the environment up and ready, whatever order failsafe runs them in.
 */
// Crashes, hangs and restarts the server, which no other test may see.
@Isolated
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SelfHealingIT {

  private static final Path DATA = Path.of(System.getenv("STEWARD_DATA")).toAbsolutePath();
  private static final Path PID_FILE =
      DATA.resolve(Path.of("payara", "domains", "steward", "config", "pid"));
  private static final Path SUPERVISOR_PID = DATA.resolve(Path.of("run", "supervisor.pid"));
  private static final Path SUPERVISOR_LOG = DATA.resolve(Path.of("logs", "supervisor.log"));
  private static final Path STEWARD =
      Path.of(System.getProperty("steward.it.env"))
          .toAbsolutePath()
          .getParent()
          .resolve("../../../../steward")
          .normalize();
  private static final int ADMIN_PORT = Integer.getInteger("steward.it.admin.port", 9048);

  @Test
  @Order(1)
  void should_exit_on_out_of_memory_with_a_heap_dump_and_have_a_sized_http_pool() throws Exception {
    List<String> options = commandLine(payaraPid());
    assertTrue(options.contains("-XX:+ExitOnOutOfMemoryError"), options::toString);
    assertTrue(options.contains("-XX:+HeapDumpOnOutOfMemoryError"), options::toString);
    assertTrue(options.contains("-XX:HeapDumpPath=" + DATA.resolve("dumps")), options::toString);
    assertTrue(Files.isDirectory(DATA.resolve("dumps")));

    // config/README.md: at most max(64, 32 x cores) worker threads, 4 per core kept started.
    int cores = Runtime.getRuntime().availableProcessors();
    given()
        .baseUri("http://localhost:" + ADMIN_PORT)
        .accept("application/json")
        .get(
            "/management/domain/configs/config/server-config/thread-pools/thread-pool/"
                + "http-thread-pool")
        .then()
        .statusCode(200)
        .body(
            "extraProperties.entity.maxThreadPoolSize",
            equalTo(String.valueOf(Math.max(64, 32 * cores))))
        .body("extraProperties.entity.minThreadPoolSize", equalTo(String.valueOf(4 * cores)));

    assertTrue(ProcessHandle.of(supervisorPid()).map(ProcessHandle::isAlive).orElse(false));
    Result status = steward("status");
    assertEquals(0, status.exitCode(), status.output());
    assertTrue(status.output().contains("supervisor: running"), status.output());
  }

  @Test
  @Order(2)
  void should_start_a_killed_server_again_and_say_why() throws Exception {
    long killed = payaraPid();
    long logBefore = Files.size(SUPERVISOR_LOG);
    // kill -9, then waits (bounded) until the supervisor has the server back and ready.
    Steward.itEnv("crash-server");

    given().baseUri(Steward.URL).get("/health/ready").then().statusCode(200);
    assertNotEquals(killed, payaraPid());
    // The supervisor logs the end of the restart once it has seen Steward ready itself.
    String back = "Payara is back (pid " + payaraPid() + ") and Steward ready";
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!newLogText(logBefore).contains(back) && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    String log = newLogText(logBefore);
    assertTrue(log.contains("Payara (pid " + killed + ") is gone: killed"), log);
    assertTrue(log.contains(back), log);
  }

  @Test
  @Order(3)
  void should_stop_a_hung_server_on_down_and_never_run_two_supervisors_on_up() throws Exception {
    long hung = payaraPid();
    long supervisor = supervisorPid();
    Result down;
    try {
      run(List.of("kill", "-STOP", String.valueOf(hung)));
      down = steward("down", "STEWARD_STOP_GRACE_SECONDS=5");
    } finally {
      run(List.of("kill", "-CONT", String.valueOf(hung)));
    }
    try {
      assertEquals(0, down.exitCode(), down.output());
      assertTrue(down.output().contains("did not stop within 5s"), down.output());
      assertTrue(down.output().endsWith("[steward] stopped\n"), down.output());
      assertFalse(alive(hung), "the hung server survived ./steward down");
      assertFalse(alive(supervisor), "the supervisor survived ./steward down");
      assertTrue(supervisorProcesses().isEmpty());
      Result status = steward("status");
      assertEquals(3, status.exitCode(), status.output());
      assertTrue(status.output().contains("payara: stopped"), status.output());
      assertTrue(status.output().contains("supervisor: not running"), status.output());
    } finally {
      Steward.itEnv("restart");
    }
    given().baseUri(Steward.URL).get("/health/ready").then().statusCode(200);
    long first = supervisorPid();
    // A second `./steward up --detach` on a running installation replaces the supervisor (the
    // newest settings win) and never leaves two.
    Steward.itEnv("restart");
    assertEquals(List.of(supervisorPid()), supervisorProcesses());
    assertFalse(alive(first));
    given().baseUri(Steward.URL).get("/health/ready").then().statusCode(200);
  }

  private static long payaraPid() throws IOException {
    return Long.parseLong(Files.readString(PID_FILE).trim());
  }

  private static long supervisorPid() throws IOException {
    return Long.parseLong(Files.readString(SUPERVISOR_PID).trim());
  }

  private static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  private static List<String> commandLine(long pid) throws IOException {
    String cmdline = Files.readString(Path.of("/proc", String.valueOf(pid), "cmdline"));
    return Arrays.asList(cmdline.split("\0"));
  }

  /**
   * Supervisor processes (`steward _supervise`) of this data directory, not counting the subshells
   * a supervisor forks for a moment (they carry the same command line).
   */
  private static List<Long> supervisorProcesses() {
    List<ProcessHandle> all = supervisorShells();
    List<Long> pids = all.stream().map(ProcessHandle::pid).toList();
    return all.stream()
        .filter(p -> p.parent().map(parent -> !pids.contains(parent.pid())).orElse(true))
        .map(ProcessHandle::pid)
        .toList();
  }

  private static List<ProcessHandle> supervisorShells() {
    return ProcessHandle.allProcesses()
        .filter(p -> p.isAlive())
        .filter(
            p -> {
              try {
                return commandLine(p.pid()).contains("_supervise")
                    && Arrays.asList(
                            Files.readString(Path.of("/proc", String.valueOf(p.pid()), "environ"))
                                .split("\0"))
                        .contains("STEWARD_DATA=" + System.getenv("STEWARD_DATA"));
              } catch (IOException | RuntimeException gone) {
                return false;
              }
            })
        .toList();
  }

  private static String newLogText(long from) throws IOException {
    byte[] all = Files.readAllBytes(SUPERVISOR_LOG);
    return new String(all, (int) from, all.length - (int) from, StandardCharsets.UTF_8);
  }

  private record Result(int exitCode, String output) {}

  private static Result steward(String command, String... environment) throws Exception {
    List<String> line = new ArrayList<>(List.of("env"));
    line.addAll(List.of(environment));
    line.addAll(List.of("bash", STEWARD.toString(), command));
    return run(line);
  }

  private static Result run(List<String> command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError(command + " did not finish: " + output);
    }
    System.out.print(output);
    return new Result(process.exitValue(), output);
  }
}
