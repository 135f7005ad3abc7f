package io.steward.secret.application;

import java.util.List;
import java.util.UUID;

/**
 * A capability that stores sealed secrets, so that a master-key rotation can find and re-seal them
 * all. Implementations re-seal one record per transaction: an interrupted rotation leaves every
 * record sealed under either the old or the new key, and the next rotation carries on.
 */
public interface SecretHolder {

  /** Ids of records whose secret is sealed under another key than {@code keyId}. */
  List<UUID> sealedUnderOtherKeys(String keyId, int limit);

  /** Opens the record's secret and seals it again under the current key, in a new transaction. */
  void reseal(UUID id) throws Exception;
}
