package io.steward.secret.application.internal;

import io.steward.secret.application.SecretBox;
import io.steward.secret.application.SecretHolder;
import io.steward.secret.application.SecretRotation.Report;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Re-seals every secret not sealed under the current master key, one record per transaction (the
 * holders' {@code reseal}): at start-up in the background, and on request. One rotation at a time;
 * a record that cannot be opened (its key is no longer configured) is counted as failed and left.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@Lock(LockType.WRITE)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SecretResealing {

  private static final Logger LOG = Logger.getLogger(SecretResealing.class.getName());
  private static final int BATCH = 100;

  @Inject SecretBox box;
  @Inject @Any Instance<SecretHolder> holders;
  @Resource SessionContext context;

  @PostConstruct
  void atStartup() {
    context.getBusinessObject(SecretResealing.class).inBackground();
  }

  @Asynchronous
  public void inBackground() {
    Report report = resealAll();
    if (report.resealed() > 0 || report.failed() > 0) {
      LOG.info(
          "Secrets re-sealed under the current master key: "
              + report.resealed()
              + ", could not be re-sealed: "
              + report.failed());
    }
  }

  public Report resealAll() {
    String keyId = box.currentKeyId();
    return keyId == null ? new Report(0, 0) : reseal(keyId, holders);
  }

  /** Re-seals, holder by holder, what is not sealed under {@code keyId}. */
  static Report reseal(String keyId, Iterable<SecretHolder> holders) {
    int resealed = 0;
    Set<UUID> failed = new HashSet<>();
    for (SecretHolder holder : holders) {
      while (true) {
        List<UUID> ids =
            holder.sealedUnderOtherKeys(keyId, BATCH + failed.size()).stream()
                .filter(id -> !failed.contains(id))
                .toList();
        if (ids.isEmpty()) {
          break;
        }
        for (UUID id : ids) {
          try {
            holder.reseal(id);
            resealed++;
          } catch (Exception e) {
            LOG.log(
                Level.WARNING,
                "Could not re-seal the secret of record " + id + ": " + e.getMessage());
            failed.add(id);
          }
        }
      }
    }
    return new Report(resealed, failed.size());
  }
}
