package io.steward.knowledge.application;

import io.steward.tenancy.domain.WorkspaceId;
import java.util.UUID;

/** Where a knowledge document can be fetched, as front ends and agents' citations link it. */
public final class KnowledgeLinks {

  private KnowledgeLinks() {}

  /** The download path (REST) of a document's bytes, relative to the server. */
  public static String contentPath(WorkspaceId workspace, UUID document) {
    return "/api/workspaces/" + workspace + "/knowledge/documents/" + document + "/content";
  }
}
