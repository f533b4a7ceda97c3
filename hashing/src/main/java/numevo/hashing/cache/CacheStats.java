package numevo.hashing.cache;

/**
 * A consistent snapshot of an {@link EquivalenceCache}'s counters, taken at one instant: {@code
 * lookups == hits + misses} always holds.
 *
 * @param lookups lookups made ({@link EquivalenceCache#getOrScore} and {@link
 *     EquivalenceCache#lookup})
 * @param hits lookups answered without scoring, coalesced ones included
 * @param misses lookups that had to score
 * @param coalesced hits that waited for another thread already scoring the same key
 * @param evictions entries dropped to respect {@code maxEntries} or {@code maxBytes}
 * @param forgotten entries dropped after {@code forgetAfterHits} hits
 * @param rejected entries not kept because alone they exceed {@code maxBytes}
 * @param audits hits re-scored in full by the collision audit
 * @param falseHits audits whose fresh fitness disagreed with the stored one: probe-set collisions
 * @param entries entries held now
 * @param bytes bytes held now, as the cache counts them
 */
public record CacheStats(
    long lookups,
    long hits,
    long misses,
    long coalesced,
    long evictions,
    long forgotten,
    long rejected,
    long audits,
    long falseHits,
    int entries,
    long bytes) {

  /** {@code hits / lookups}, or 0 before the first lookup. */
  public double hitRate() {
    return lookups == 0 ? 0 : (double) hits / lookups;
  }

  /**
   * {@code falseHits / audits}, or 0 before the first audit: the estimated fraction of all hits
   * that returned another function's fitness.
   */
  public double falseHitRate() {
    return audits == 0 ? 0 : (double) falseHits / audits;
  }

  @Override
  public String toString() {
    return String.format(
        java.util.Locale.ROOT,
        "lookups %d, hits %d (%.1f%%, %d coalesced), misses %d, evictions %d, forgotten %d,"
            + " rejected %d, audits %d, false hits %d, entries %d, bytes %d",
        lookups,
        hits,
        100 * hitRate(),
        coalesced,
        misses,
        evictions,
        forgotten,
        rejected,
        audits,
        falseHits,
        entries,
        bytes);
  }
}
