package io.steward.crm.application;

import io.steward.crm.domain.Contact;
import io.steward.crm.domain.ContactDetails;
import io.steward.crm.domain.ContactUpdate;
import io.steward.crm.domain.Interaction;
import io.steward.crm.domain.InteractionKind;
import io.steward.shared.application.Paging.PageRequest;
import io.steward.shared.domain.Patch;
import io.steward.shared.domain.StewardException;
import io.steward.tenancy.domain.RecordPage;
import io.steward.tenancy.domain.WorkspaceId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Contacts and the interactions with them. Viewers read; members write. */
public interface ContactService {

  /** The contacts the query asks for, in its order. */
  RecordPage<Contact> contacts(WorkspaceId workspace, ContactQuery query, PageRequest page)
      throws StewardException;

  Contact contact(WorkspaceId workspace, UUID id, String field) throws StewardException;

  List<Contact> contacts(WorkspaceId workspace, Collection<UUID> ids) throws StewardException;

  /** The contacts of each of these companies, by name, in one query. */
  Map<UUID, List<Contact>> contactsOfCompanies(WorkspaceId workspace, Collection<UUID> companyIds)
      throws StewardException;

  /** A new contact; the owner (a member's user id) is optional. */
  Contact create(WorkspaceId workspace, ContactDetails details, String ownerId)
      throws StewardException;

  /**
   * Changes the details the update gives and, if {@code ownerId} is given, the owner (null: none);
   * the others keep their values.
   */
  Contact update(
      WorkspaceId workspace, UUID id, Integer version, ContactUpdate update, Patch<String> ownerId)
      throws StewardException;

  /** Deletes the contact with its interactions; deals keep going without the contact. */
  void delete(WorkspaceId workspace, UUID id, Integer version) throws StewardException;

  /** Interactions, newest first, optionally with one contact. */
  RecordPage<Interaction> interactions(WorkspaceId workspace, UUID contactId, PageRequest page)
      throws StewardException;

  Interaction interaction(WorkspaceId workspace, UUID id) throws StewardException;

  Interaction logInteraction(
      WorkspaceId workspace,
      UUID contactId,
      InteractionKind kind,
      String summary,
      Instant occurredAt)
      throws StewardException;

  Interaction updateInteraction(
      WorkspaceId workspace,
      UUID id,
      Integer version,
      InteractionKind kind,
      String summary,
      Instant occurredAt)
      throws StewardException;

  void deleteInteraction(WorkspaceId workspace, UUID id, Integer version) throws StewardException;
}
