package io.steward.crm.application;

import io.steward.crm.domain.Deal;
import io.steward.crm.domain.DealStage;
import io.steward.crm.domain.DealTerms;
import io.steward.shared.application.Paging.PageRequest;
import io.steward.shared.domain.StewardException;
import io.steward.tenancy.domain.RecordPage;
import io.steward.tenancy.domain.WorkspaceId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Deals in the pipeline. Viewers read; members write. */
public interface DealService {

  /** The deals the query asks for, in its order. */
  RecordPage<Deal> deals(WorkspaceId workspace, DealQuery query, PageRequest page)
      throws StewardException;

  Deal deal(WorkspaceId workspace, UUID id) throws StewardException;

  /** The open deals of each of these companies, in one query. */
  Map<UUID, List<Deal>> openDealsOfCompanies(WorkspaceId workspace, Collection<UUID> companyIds)
      throws StewardException;

  /** A new deal at the lead stage; the contact, if given, must work at the deal's company. */
  Deal create(WorkspaceId workspace, DealTerms terms) throws StewardException;

  Deal update(WorkspaceId workspace, UUID id, Integer version, DealTerms terms)
      throws StewardException;

  /** Moves a deal to a stage; won and lost close it for good. */
  Deal moveToStage(WorkspaceId workspace, UUID id, Integer version, DealStage stage)
      throws StewardException;

  void delete(WorkspaceId workspace, UUID id, Integer version) throws StewardException;
}
