package numevo.hashing.cache;

/**
 * The settings of an {@link EquivalenceCache}.
 *
 * @param maxEntries the most entries kept, {@code >= 1}; the least recently used go first
 * @param maxBytes the most bytes kept, {@code >= 1}, counting for each entry {@link
 *     EquivalenceCache#ENTRY_OVERHEAD_BYTES} plus what the cache's sizer says of its fitness and
 *     representative; an entry larger than this alone is not kept
 * @param forgetAfterHits forget an entry once it has served this many hits, so that the next lookup
 *     scores afresh (AutoML-Zero used 100); 0 means never, otherwise {@code >= 1}
 * @param auditFraction the fraction of hits, in {@code [0, 1]}, that are re-scored in full and
 *     compared with the stored fitness to count false hits (probe-set collisions); 0 disables the
 *     audit, 1 re-scores every hit
 * @param auditSeed mixed into the choice of audited hits; that choice is a function of the key, the
 *     entry's hit number and this seed only, so it does not depend on thread interleaving
 */
public record CacheConfig(
    int maxEntries, long maxBytes, int forgetAfterHits, double auditFraction, long auditSeed) {

  /**
   * 100,000 entries (as AutoML-Zero), 256 MiB, never forget, audit 1% of hits: enough to measure a
   * false-hit rate without spending much on it.
   */
  public static final CacheConfig DEFAULT =
      new CacheConfig(100_000, 256L << 20, 0, 0.01, 0x6175_6469_745f_3031L);

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException if a setting is out of its range
   */
  public CacheConfig {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be at least 1: " + maxEntries);
    }
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be at least 1: " + maxBytes);
    }
    if (forgetAfterHits < 0) {
      throw new IllegalArgumentException(
          "forgetAfterHits must be 0 (never) or more: " + forgetAfterHits);
    }
    if (!(auditFraction >= 0 && auditFraction <= 1)) {
      throw new IllegalArgumentException("auditFraction must be in [0, 1]: " + auditFraction);
    }
  }

  /** See the record's components. */
  public static CacheConfig of(
      int maxEntries, long maxBytes, int forgetAfterHits, double auditFraction, long auditSeed) {
    return new CacheConfig(maxEntries, maxBytes, forgetAfterHits, auditFraction, auditSeed);
  }

  /** This configuration with another entry bound. */
  public CacheConfig withMaxEntries(int maxEntries) {
    return new CacheConfig(maxEntries, maxBytes, forgetAfterHits, auditFraction, auditSeed);
  }

  /** This configuration with another byte bound. */
  public CacheConfig withMaxBytes(long maxBytes) {
    return new CacheConfig(maxEntries, maxBytes, forgetAfterHits, auditFraction, auditSeed);
  }

  /** This configuration with another hit limit (0 = never forget). */
  public CacheConfig withForgetAfterHits(int forgetAfterHits) {
    return new CacheConfig(maxEntries, maxBytes, forgetAfterHits, auditFraction, auditSeed);
  }

  /** This configuration with another audit fraction. */
  public CacheConfig withAuditFraction(double auditFraction) {
    return new CacheConfig(maxEntries, maxBytes, forgetAfterHits, auditFraction, auditSeed);
  }

  /** This configuration with another audit seed. */
  public CacheConfig withAuditSeed(long auditSeed) {
    return new CacheConfig(maxEntries, maxBytes, forgetAfterHits, auditFraction, auditSeed);
  }
}
