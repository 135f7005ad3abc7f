package io.steward.workspace.application;

import io.steward.shared.domain.StewardException;
import io.steward.tenancy.domain.WorkspaceId;
import io.steward.tenancy.domain.WorkspaceRole;
import io.steward.workspace.domain.Member;
import io.steward.workspace.domain.Workspace;
import java.util.List;

/**
 * Workspaces and their members. Membership is written to the directory, records to the database.
 */
public interface WorkspaceService {

  /** The workspaces the caller is a member of; for platform admins, every workspace. */
  List<Workspace> workspaces();

  /** A workspace the caller is a member of (platform admins see any). */
  Workspace workspace(WorkspaceId id) throws StewardException;

  /** Founds a workspace with the caller as its owner; the time zone (null: UTC) is optional. */
  Workspace create(String name, String timeZone) throws StewardException;

  /** Moves the workspace to another time zone; admins and owners only. */
  Workspace changeTimeZone(WorkspaceId workspace, String timeZone) throws StewardException;

  List<Member> members(WorkspaceId workspace) throws StewardException;

  /** Adds an existing directory user (by username or email) with a role; admins and owners only. */
  Member addMember(WorkspaceId workspace, String usernameOrEmail, WorkspaceRole role)
      throws StewardException;

  Member changeMemberRole(WorkspaceId workspace, String userId, WorkspaceRole role)
      throws StewardException;

  void removeMember(WorkspaceId workspace, String userId) throws StewardException;
}
