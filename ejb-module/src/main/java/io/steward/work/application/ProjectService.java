package io.steward.work.application;

import io.steward.shared.application.Paging.PageRequest;
import io.steward.shared.domain.StewardException;
import io.steward.tenancy.domain.RecordPage;
import io.steward.tenancy.domain.WorkspaceId;
import io.steward.work.domain.Project;
import io.steward.work.domain.ProjectStatus;
import io.steward.work.domain.ProjectUpdate;
import io.steward.work.domain.TaskTally;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Projects. Viewers read; members create, change and archive; admins and owners delete (only
 * projects no task, checkpoint or note refers to — archive the others).
 */
public interface ProjectService {

  /** Projects by name; optionally of one client company, in one status, matching a search. */
  RecordPage<Project> projects(
      WorkspaceId workspace, UUID companyId, ProjectStatus status, String search, PageRequest page)
      throws StewardException;

  Project project(WorkspaceId workspace, UUID id) throws StewardException;

  /** The projects with these ids, in one query; unknown ids are left out. */
  List<Project> projects(WorkspaceId workspace, Collection<UUID> ids) throws StewardException;

  Project create(WorkspaceId workspace, String name, UUID companyId) throws StewardException;

  /** Changes the fields the update gives; the others keep their values. */
  Project update(WorkspaceId workspace, UUID id, Integer version, ProjectUpdate update)
      throws StewardException;

  Project archive(WorkspaceId workspace, UUID id, Integer version) throws StewardException;

  Project reactivate(WorkspaceId workspace, UUID id, Integer version) throws StewardException;

  void delete(WorkspaceId workspace, UUID id, Integer version) throws StewardException;

  /** For each of these projects, how many of its tasks are in each status, in one query. */
  Map<UUID, TaskTally> taskCounts(WorkspaceId workspace, Collection<UUID> projectIds)
      throws StewardException;

  /** The active project with this id, for records that are to belong to it. */
  Project activeProject(WorkspaceId workspace, UUID id, String field) throws StewardException;
}
