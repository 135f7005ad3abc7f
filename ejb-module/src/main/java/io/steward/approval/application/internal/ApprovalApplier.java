package io.steward.approval.application.internal;

import io.steward.approval.domain.ApprovalRequest;
import io.steward.shared.domain.StewardException;
import io.steward.tenancy.domain.WorkspaceId;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Applies an approved request: claims it for this server, then applies it in one transaction; a
 * call that cannot be applied fails the request with the reason, and nothing of it is kept.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ApprovalApplier {

  /** The server instance, as claims name it. */
  static final String NODE = System.getProperty("com.sun.aas.instanceName", "server");

  private static final Logger LOG = Logger.getLogger(ApprovalApplier.class.getName());

  @Inject ApprovalSteps steps;

  /** The request as it ends up: applied, failed, or as another applier has it. */
  public ApprovalRequest apply(WorkspaceId workspace, UUID id) throws StewardException {
    try {
      steps.claim(workspace, id, NODE);
    } catch (StewardException alreadyTaken) {
      // Decided otherwise, or another applier claimed it first: that one finishes it.
      return steps.load(workspace, id);
    }
    try {
      return steps.apply(workspace, id);
    } catch (StewardException e) {
      return steps.fail(workspace, id, e.getMessage());
    } catch (EJBException | IllegalStateException e) {
      LOG.log(Level.SEVERE, "Applying approval " + id + " failed", e);
      return steps.fail(workspace, id, "The change could not be applied.");
    }
  }
}
