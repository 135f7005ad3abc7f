package io.steward.tenancy.domain;

import io.steward.shared.domain.FailureKind;
import io.steward.shared.domain.StewardException;
import java.util.UUID;

/**
 * No record of this type and id exists in the workspace. Records of other workspaces are unknown
 * too, so an id tells nothing about another tenant.
 */
public class UnknownRecordException extends StewardException {

  public UnknownRecordException(String recordType, UUID id, String field) {
    this(recordType, id.toString(), field);
  }

  /** For things known by a name or a client's id rather than a UUID (agents, runs). */
  public UnknownRecordException(String recordType, String id, String field) {
    super("No " + recordType + " " + id + " in this workspace", field);
  }

  @Override
  public FailureKind kind() {
    return FailureKind.NOT_FOUND;
  }
}
