package io.steward.secret.application.internal;

import io.steward.secret.application.SecretRotation;
import io.steward.shared.domain.AccessDeniedException;
import io.steward.shared.domain.StewardException;
import io.steward.tenancy.application.CurrentCaller;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/** Rotation on request, for platform administrators. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DefaultSecretRotation implements SecretRotation {

  @Inject CurrentCaller currentCaller;
  @Inject SecretResealing resealing;

  @Override
  public Report rotate() throws StewardException {
    if (!currentCaller.get().platformAdmin()) {
      throw new AccessDeniedException("Rotating secrets needs the platform-admin role");
    }
    return resealing.resealAll();
  }
}
