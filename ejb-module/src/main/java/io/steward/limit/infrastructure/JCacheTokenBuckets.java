package io.steward.limit.infrastructure;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.grid.jcache.Bucket4jJCache;
import io.steward.limit.domain.RateLimit;
import io.steward.limit.domain.TokenBuckets;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.ModifiedExpiryPolicy;

/**
 * Bucket4j's buckets in the JCache {@value #CACHE} of Payara's Hazelcast data grid (the {@code
 * CacheManager} Payara injects), so every server of a cluster takes from the same buckets. Bucket4j
 * changes a bucket with a JCache entry processor that runs where the entry lives; Payara's
 * serializer deserializes it with this application's class loader there. A bucket untouched for
 * {@link #IDLE} is full again and is dropped from the grid.
 */
@ApplicationScoped
public class JCacheTokenBuckets implements TokenBuckets {

  static final String CACHE = "steward-rate-limits";

  /** Longer than any bucket takes to refill: limits are per minute. */
  private static final javax.cache.expiry.Duration IDLE =
      new javax.cache.expiry.Duration(TimeUnit.MINUTES, 2);

  private static final Logger LOG = Logger.getLogger(JCacheTokenBuckets.class.getName());

  /** Null when Payara's data grid is disabled. */
  @Inject CacheManager cacheManager;

  private ProxyManager<String> buckets;

  @PostConstruct
  void connect() {
    if (cacheManager == null) {
      LOG.severe(
          "Rate limits are off: Payara's Hazelcast data grid, which holds them, is disabled");
      return;
    }
    buckets = Bucket4jJCache.entryProcessorBasedBuilder(cache()).build();
  }

  private Cache<String, byte[]> cache() {
    Cache<String, byte[]> cache = cacheManager.getCache(CACHE, String.class, byte[].class);
    if (cache != null) {
      return cache;
    }
    try {
      return cacheManager.createCache(
          CACHE,
          new MutableConfiguration<String, byte[]>()
              .setTypes(String.class, byte[].class)
              .setExpiryPolicyFactory(ModifiedExpiryPolicy.factoryOf(IDLE)));
    } catch (CacheException createdByAnotherServer) {
      return cacheManager.getCache(CACHE, String.class, byte[].class);
    }
  }

  @Override
  public Optional<Duration> take(String key, RateLimit limit) {
    if (buckets == null) {
      return Optional.empty();
    }
    ConsumptionProbe probe =
        buckets.builder().build(key, () -> configuration(limit)).tryConsumeAndReturnRemaining(1);
    return probe.isConsumed()
        ? Optional.empty()
        : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
  }

  private static BucketConfiguration configuration(RateLimit limit) {
    return BucketConfiguration.builder()
        .addLimit(
            bandwidth ->
                bandwidth
                    .capacity(limit.perMinute())
                    .refillGreedy(limit.perMinute(), Duration.ofMinutes(1)))
        .build();
  }
}
