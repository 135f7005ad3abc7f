package io.steward.secret.application.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.steward.secret.application.SecretHolder;
import io.steward.secret.application.SecretRotation.Report;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SecretResealingTest {

  /** The process ending mid-rotation: nothing of the rotation's own handling runs. */
  static final class ServerDown extends Error {}

  /** Records sealed under a key id each; some cannot be opened, and it may stop midway. */
  static final class Records implements SecretHolder {
    final Map<UUID, String> keyOf = new LinkedHashMap<>();
    final Set<UUID> unopenable;
    int crashAfter;

    Records(int count, Set<Integer> unopenable, int crashAfter) {
      List<UUID> ids = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        UUID id = new UUID(0, i);
        ids.add(id);
        keyOf.put(id, "old");
      }
      this.unopenable = Set.copyOf(unopenable.stream().map(ids::get).toList());
      this.crashAfter = crashAfter;
    }

    @Override
    public List<UUID> sealedUnderOtherKeys(String keyId, int limit) {
      return keyOf.entrySet().stream()
          .filter(e -> !e.getValue().equals(keyId))
          .map(Map.Entry::getKey)
          .limit(limit)
          .toList();
    }

    @Override
    public void reseal(UUID id) throws Exception {
      if (crashAfter-- == 0) {
        throw new ServerDown();
      }
      if (unopenable.contains(id)) {
        throw new Exception("sealed under a key no longer configured");
      }
      keyOf.put(id, "new");
    }

    long onNewKey() {
      return keyOf.values().stream().filter("new"::equals).count();
    }
  }

  @Test
  void should_reseal_everything_it_can_and_count_what_it_cannot() {
    Records records = new Records(250, Set.of(3, 140), -1);
    assertEquals(new Report(248, 2), SecretResealing.reseal("new", List.of(records)));
    assertEquals(248, records.onNewKey());
    assertEquals(new Report(0, 2), SecretResealing.reseal("new", List.of(records)));
  }

  @Test
  void should_leave_each_record_on_one_key_when_interrupted_and_finish_on_the_next_rotation() {
    Records records = new Records(30, Set.of(), 12);
    assertThrows(ServerDown.class, () -> SecretResealing.reseal("new", List.of(records)));
    assertEquals(12, records.onNewKey());
    assertEquals(30, records.keyOf.size(), "every record still holds its secret");
    records.crashAfter = -1;
    assertEquals(new Report(18, 0), SecretResealing.reseal("new", List.of(records)));
    assertEquals(30, records.onNewKey());
  }
}
