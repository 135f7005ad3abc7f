package io.steward.provider.offline;

import io.steward.crm.agent.CrmPhrasebook;
import io.steward.work.agent.WorkPhrasebook;
import java.util.List;

/** The phrasebooks the capabilities deploy, for tests of what the offline model makes of them. */
final class CapabilityPhrasebooks {

  static final List<OfflinePhrasebook> ALL = List.of(new WorkPhrasebook(), new CrmPhrasebook());

  private CapabilityPhrasebooks() {}
}
