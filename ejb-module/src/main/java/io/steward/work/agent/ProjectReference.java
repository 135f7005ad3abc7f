package io.steward.work.agent;

import io.steward.agent.spi.RecordReference;
import io.steward.shared.domain.StewardException;
import io.steward.tenancy.domain.WorkspaceId;
import io.steward.work.application.ProjectService;
import io.steward.work.domain.Project;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** A tool argument naming a project by id or name, archived projects included. */
@ApplicationScoped
public class ProjectReference extends RecordReference<Project> {

  @Inject ProjectService projects;

  public ProjectReference() {
    super(Project.class);
  }

  @Override
  protected List<Project> candidates(WorkspaceId workspace, String text) throws StewardException {
    return projects.projects(workspace, null, null, text, CANDIDATES).items();
  }
}
