package io.steward.work.application.internal;

import io.steward.shared.application.Paging.PageRequest;
import io.steward.shared.domain.StewardException;
import io.steward.tenancy.application.RecordChanges;
import io.steward.tenancy.application.WorkspaceAccess;
import io.steward.tenancy.domain.RecordFilter;
import io.steward.tenancy.domain.RecordOrder;
import io.steward.tenancy.domain.RecordPage;
import io.steward.tenancy.domain.WorkspaceId;
import io.steward.tenancy.domain.WorkspaceRecords;
import io.steward.tenancy.domain.WorkspaceRole;
import io.steward.work.application.NoteService;
import io.steward.work.application.ProjectService;
import io.steward.work.domain.Note;
import io.steward.work.domain.NoteUpdate;
import io.steward.work.domain.Note_;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

@Stateless
public class DefaultNoteService implements NoteService {

  @Inject WorkspaceAccess access;
  @Inject WorkspaceRecords records;
  @Inject RecordChanges changes;
  @Inject ProjectService projects;

  @Override
  public RecordPage<Note> notes(
      WorkspaceId workspace, UUID projectId, String search, PageRequest page)
      throws StewardException {
    access.require(workspace, WorkspaceRole.VIEWER);
    RecordFilter filter =
        RecordFilter.where()
            .equal(Note_.PROJECT_ID, projectId)
            .containsText(search, Note_.TITLE, Note_.CONTENT);
    return records.page(
        Note.class,
        workspace,
        filter,
        List.of(RecordOrder.descending(Note_.UPDATED_AT)),
        page.offset(),
        page.limit());
  }

  @Override
  public Note note(WorkspaceId workspace, UUID id) throws StewardException {
    access.require(workspace, WorkspaceRole.VIEWER);
    return load(workspace, id);
  }

  @Override
  public Note create(WorkspaceId workspace, String title, String content, UUID projectId)
      throws StewardException {
    access.require(workspace, WorkspaceRole.MEMBER);
    Note note = Note.write(workspace, title, content, projectId);
    requireActiveProject(workspace, projectId);
    return changes.add(note, "noteWasWritten");
  }

  @Override
  public Note update(WorkspaceId workspace, UUID id, Integer version, NoteUpdate update)
      throws StewardException {
    access.require(workspace, WorkspaceRole.MEMBER);
    Note note = load(workspace, id);
    UUID projectId = update.projectId().or(note.projectId());
    if (!Objects.equals(projectId, note.projectId())) {
      requireActiveProject(workspace, projectId);
    }
    return changes.change(note, version, "noteWasUpdated", n -> n.revise(update));
  }

  @Override
  public void delete(WorkspaceId workspace, UUID id, Integer version) throws StewardException {
    access.require(workspace, WorkspaceRole.MEMBER);
    changes.remove(load(workspace, id), version, "noteWasDeleted");
  }

  private void requireActiveProject(WorkspaceId workspace, UUID projectId) throws StewardException {
    if (projectId != null) {
      projects.activeProject(workspace, projectId, "projectId");
    }
  }

  private Note load(WorkspaceId workspace, UUID id) throws StewardException {
    return changes.find(Note.class, workspace, id, "id");
  }
}
