package io.steward.work.application.internal;

import io.steward.crm.application.CompanyService;
import io.steward.shared.application.Paging.PageRequest;
import io.steward.shared.domain.StewardException;
import io.steward.tenancy.application.RecordChanges;
import io.steward.tenancy.application.WorkspaceAccess;
import io.steward.tenancy.domain.RecordFilter;
import io.steward.tenancy.domain.RecordOrder;
import io.steward.tenancy.domain.RecordPage;
import io.steward.tenancy.domain.WorkspaceId;
import io.steward.tenancy.domain.WorkspaceRecords;
import io.steward.tenancy.domain.WorkspaceRecords.GroupCount;
import io.steward.tenancy.domain.WorkspaceRole;
import io.steward.work.application.ProjectService;
import io.steward.work.domain.Project;
import io.steward.work.domain.ProjectStatus;
import io.steward.work.domain.ProjectUpdate;
import io.steward.work.domain.Project_;
import io.steward.work.domain.Task;
import io.steward.work.domain.TaskStatus;
import io.steward.work.domain.TaskTally;
import io.steward.work.domain.Task_;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Stateless
public class DefaultProjectService implements ProjectService {

  @Inject WorkspaceAccess access;
  @Inject WorkspaceRecords records;
  @Inject RecordChanges changes;
  @Inject CompanyService companies;

  @Override
  public RecordPage<Project> projects(
      WorkspaceId workspace, UUID companyId, ProjectStatus status, String search, PageRequest page)
      throws StewardException {
    access.require(workspace, WorkspaceRole.VIEWER);
    RecordFilter filter =
        RecordFilter.where()
            .equal(Project_.COMPANY_ID, companyId)
            .equal(Project_.STATUS, status)
            .containsText(search, Project_.NAME);
    return records.page(
        Project.class,
        workspace,
        filter,
        List.of(RecordOrder.ascending(Project_.NAME)),
        page.offset(),
        page.limit());
  }

  @Override
  public Project project(WorkspaceId workspace, UUID id) throws StewardException {
    access.require(workspace, WorkspaceRole.VIEWER);
    return changes.find(Project.class, workspace, id, "id");
  }

  @Override
  public List<Project> projects(WorkspaceId workspace, Collection<UUID> ids)
      throws StewardException {
    access.require(workspace, WorkspaceRole.VIEWER);
    return records.findAll(Project.class, workspace, ids);
  }

  @Override
  public Project create(WorkspaceId workspace, String name, UUID companyId)
      throws StewardException {
    access.require(workspace, WorkspaceRole.MEMBER);
    requireCompany(workspace, companyId);
    return changes.add(Project.start(workspace, name, companyId), "projectWasCreated");
  }

  @Override
  public Project update(WorkspaceId workspace, UUID id, Integer version, ProjectUpdate update)
      throws StewardException {
    access.require(workspace, WorkspaceRole.MEMBER);
    Project project = load(workspace, id);
    requireCompany(workspace, update.companyId().or(project.companyId()));
    return changes.change(project, version, "projectWasUpdated", p -> p.revise(update));
  }

  @Override
  public Project archive(WorkspaceId workspace, UUID id, Integer version) throws StewardException {
    access.require(workspace, WorkspaceRole.MEMBER);
    return changes.change(load(workspace, id), version, "projectWasArchived", Project::archive);
  }

  @Override
  public Project reactivate(WorkspaceId workspace, UUID id, Integer version)
      throws StewardException {
    access.require(workspace, WorkspaceRole.MEMBER);
    return changes.change(
        load(workspace, id), version, "projectWasReactivated", Project::reactivate);
  }

  @Override
  public void delete(WorkspaceId workspace, UUID id, Integer version) throws StewardException {
    access.require(workspace, WorkspaceRole.ADMIN);
    changes.remove(load(workspace, id), version, "projectWasDeleted");
  }

  @Override
  public Map<UUID, TaskTally> taskCounts(WorkspaceId workspace, Collection<UUID> projectIds)
      throws StewardException {
    access.require(workspace, WorkspaceRole.VIEWER);
    Map<UUID, Map<TaskStatus, Long>> counts = new HashMap<>();
    if (projectIds.isEmpty()) {
      return Map.of();
    }
    for (GroupCount group :
        records.count(
            Task.class,
            workspace,
            RecordFilter.where().in(Task_.PROJECT_ID, projectIds),
            Task_.PROJECT_ID,
            Task_.STATUS)) {
      counts
          .computeIfAbsent((UUID) group.key().get(0), p -> new EnumMap<>(TaskStatus.class))
          .put((TaskStatus) group.key().get(1), group.count());
    }
    Map<UUID, TaskTally> tallies = new HashMap<>();
    counts.forEach((project, byStatus) -> tallies.put(project, TaskTally.of(byStatus)));
    return tallies;
  }

  @Override
  public Project activeProject(WorkspaceId workspace, UUID id, String field)
      throws StewardException {
    access.require(workspace, WorkspaceRole.VIEWER);
    Project project = changes.find(Project.class, workspace, id, field);
    project.requireActive();
    return project;
  }

  private Project load(WorkspaceId workspace, UUID id) throws StewardException {
    return changes.find(Project.class, workspace, id, "id");
  }

  private void requireCompany(WorkspaceId workspace, UUID companyId) throws StewardException {
    if (companyId != null) {
      companies.company(workspace, companyId, "companyId");
    }
  }
}
