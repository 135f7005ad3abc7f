package io.steward.work.interfaces.graphql;

import io.steward.shared.interfaces.graphql.Enums;
import io.steward.tenancy.interfaces.graphql.RecordView;
import io.steward.work.domain.Project;
import io.steward.work.interfaces.graphql.WorkEnums.ProjectStatus;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

@Name("Project")
public class ProjectView extends RecordView {

  private final String name;
  private final ProjectStatus status;
  private final String companyId;

  ProjectView(Project project) {
    super(project);
    this.name = project.name();
    this.status = Enums.convert(project.status(), ProjectStatus.class);
    this.companyId = project.companyId() == null ? null : project.companyId().toString();
  }

  public @NonNull String getName() {
    return name;
  }

  public @NonNull ProjectStatus getStatus() {
    return status;
  }

  public @Id String getCompanyId() {
    return companyId;
  }
}
