package io.steward.agent.spi;

import java.util.Map;
import java.util.UUID;

/**
 * A record a tool returned: its type, id, label and fields as the tool reported them. Rich blocks
 * (entity links, timelines) are built only from these, never from what a model writes.
 */
public record EntityRef(String type, UUID id, String label, Map<String, Object> fields) {

  public EntityRef {
    fields = Map.copyOf(fields);
  }
}
