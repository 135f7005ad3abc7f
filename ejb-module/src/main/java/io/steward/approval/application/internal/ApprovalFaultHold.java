package io.steward.approval.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fault injection for the crash tests, and for nothing else: where {@code
 * steward.faults.hold-approvals} names a file (only the test environment sets it) and that file
 * names one of the {@link Point}s, an approval reaching that point writes {@code <file>.held} (its
 * id) and waits, at most five minutes, until the file is gone — so a test can kill the server at
 * exactly that point. Unset, a point costs one check of an empty {@link Optional}.
 */
@ApplicationScoped
public class ApprovalFaultHold {

  /** Where an approval can be held; the file names one in lower case ({@code decided}). */
  public enum Point {
    /** The decision is committed, the apply not begun. */
    DECIDED,
    /** The apply transaction has done all its work, holds the row lock and is not committed. */
    APPLYING
  }

  private static final Duration MOST = Duration.ofMinutes(5);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final Logger LOG = Logger.getLogger(ApprovalFaultHold.class.getName());

  @Inject
  @ConfigProperty(name = "steward.faults.hold-approvals")
  Optional<String> file;

  public void at(Point point, UUID approval) {
    if (file.isEmpty()) {
      return;
    }
    Path hold = Path.of(file.get());
    if (!point.name().toLowerCase(Locale.ROOT).equals(read(hold))) {
      return;
    }
    LOG.warning("Fault injection: holding approval " + approval + " at " + point);
    try {
      Files.writeString(
          hold.resolveSibling(hold.getFileName() + ".held"),
          approval.toString(),
          StandardCharsets.UTF_8);
      Instant until = Instant.now().plus(MOST);
      while (Files.exists(hold) && Instant.now().isBefore(until)) {
        Thread.sleep(POLL.toMillis());
      }
    } catch (IOException e) {
      LOG.warning("Fault injection: could not mark approval " + approval + " held: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    LOG.warning("Fault injection: released approval " + approval);
  }

  private static String read(Path hold) {
    try {
      return Files.readString(hold, StandardCharsets.UTF_8).strip();
    } catch (IOException absent) {
      return null;
    }
  }
}
