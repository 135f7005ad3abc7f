package io.steward.crm.application;

import io.steward.crm.domain.Company;
import io.steward.crm.domain.CompanyUpdate;
import io.steward.shared.application.Paging.PageRequest;
import io.steward.shared.domain.StewardException;
import io.steward.tenancy.domain.RecordPage;
import io.steward.tenancy.domain.WorkspaceId;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Companies. Viewers read; members create and change; admins and owners delete (only companies no
 * contact, deal or project refers to).
 */
public interface CompanyService {

  /** Companies by name, optionally matching a search in name, industry and website. */
  RecordPage<Company> companies(WorkspaceId workspace, String search, PageRequest page)
      throws StewardException;

  /** The company; NOT_FOUND names {@code field} when there is none. */
  Company company(WorkspaceId workspace, UUID id, String field) throws StewardException;

  /** The companies with these ids, in one query; unknown ids are left out. */
  List<Company> companies(WorkspaceId workspace, Collection<UUID> ids) throws StewardException;

  Company create(WorkspaceId workspace, String name, String website, String industry)
      throws StewardException;

  /** Changes the fields the update gives; the others keep their values. */
  Company update(WorkspaceId workspace, UUID id, Integer version, CompanyUpdate update)
      throws StewardException;

  void delete(WorkspaceId workspace, UUID id, Integer version) throws StewardException;
}
