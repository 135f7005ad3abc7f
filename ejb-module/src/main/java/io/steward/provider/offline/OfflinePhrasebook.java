package io.steward.provider.offline;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the offline model understands and says for some tools: the capability that owns the tools
 * provides it as a CDI bean, so the model knows no capability itself. The model acts on a request
 * only with a phrasing whose tool the agent offers.
 */
public interface OfflinePhrasebook {

  /**
   * The requests understood for these tools, tried in this order. Wordings of different phrasebooks
   * do not overlap, so the order of the phrasebooks does not matter.
   */
  List<OfflinePhrasing> phrasings();

  /**
   * Answers worded for some of these tools' results, by tool name; the results of other tools get
   * the general answers (a created, updated or deleted record, a list, an error).
   */
  default Map<String, Function<OfflineResult, String>> answers() {
    return Map.of();
  }
}
