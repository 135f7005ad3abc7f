package io.steward.work.application;

import io.steward.shared.application.Paging.PageRequest;
import io.steward.shared.domain.StewardException;
import io.steward.tenancy.domain.RecordPage;
import io.steward.tenancy.domain.WorkspaceId;
import io.steward.work.domain.Note;
import io.steward.work.domain.NoteUpdate;
import java.util.UUID;

/** Notes, most recently changed first. Viewers read; members write. */
public interface NoteService {

  /** Notes, optionally of one project, optionally matching a search in title and content. */
  RecordPage<Note> notes(WorkspaceId workspace, UUID projectId, String search, PageRequest page)
      throws StewardException;

  Note note(WorkspaceId workspace, UUID id) throws StewardException;

  Note create(WorkspaceId workspace, String title, String content, UUID projectId)
      throws StewardException;

  /** Changes the fields the update gives; the others keep their values. */
  Note update(WorkspaceId workspace, UUID id, Integer version, NoteUpdate update)
      throws StewardException;

  void delete(WorkspaceId workspace, UUID id, Integer version) throws StewardException;
}
