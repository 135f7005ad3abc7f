package io.steward.agent.application;

import io.steward.shared.domain.StewardException;
import io.steward.tenancy.domain.WorkspaceId;
import java.time.Instant;
import java.util.List;

/**
 * Execution plans kept for running again: built-in playbooks ("create task from email", "weekly
 * report") and the plans plan mode made in the workspace. Members of any role see them; the person
 * who saved one and admins may delete it.
 */
public interface Playbooks {

  /**
   * A playbook: its id (a name for built-in ones, a UUID otherwise), what it does, the variables a
   * run must supply, and its steps.
   */
  record Playbook(
      String id,
      String name,
      String request,
      boolean builtIn,
      List<String> variables,
      List<PlanStep> steps,
      String createdBy,
      Instant createdAt) {}

  List<Playbook> playbooks(WorkspaceId workspace) throws StewardException;

  Playbook playbook(WorkspaceId workspace, String id) throws StewardException;

  void delete(WorkspaceId workspace, String id) throws StewardException;
}
