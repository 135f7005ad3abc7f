package io.steward.provider.application.internal;

import io.steward.provider.domain.ModelProvider;
import io.steward.provider.domain.ProviderStore;
import io.steward.secret.application.SecretBox;
import io.steward.secret.application.SecretHolder;
import io.steward.shared.domain.RuleViolationException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/** Providers' API keys, for master-key rotation. */
@Stateless
public class ProviderSecrets implements SecretHolder {

  @Inject ProviderStore store;
  @Inject SecretBox secrets;

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<UUID> sealedUnderOtherKeys(String keyId, int limit) {
    return store.sealedUnderOtherKeys(keyId, limit);
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void reseal(UUID id) throws RuleViolationException {
    ModelProvider provider = store.provider(id).orElse(null);
    if (provider == null || provider.apiKey() == null) {
      return;
    }
    String context = provider.secretContext();
    provider.reseal(secrets.seal(secrets.open(provider.apiKey(), context), context));
  }
}
