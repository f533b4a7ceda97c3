package numevo.hashing.cache;

import java.util.List;
import java.util.Objects;
import numevo.hashing.Hash128;

/**
 * The whole state of an {@link EquivalenceCache}: its entries from least to most recently used,
 * each with its hit count, and its counters. Restoring a snapshot into a cache of the same settings
 * and sizer gives a cache that answers and evicts exactly as the one it was taken from.
 *
 * @param entries the entries, least recently used first (copied)
 * @param counters the counters when the snapshot was taken ({@code entries} and {@code bytes}
 *     included, for checking)
 * @param <V> the fitness type
 * @param <R> the representative type
 */
public record CacheSnapshot<V, R>(List<Entry<V, R>> entries, CacheStats counters) {

  /** Copies the entries. */
  public CacheSnapshot {
    entries = List.copyOf(entries);
    Objects.requireNonNull(counters, "counters");
  }

  /**
   * One entry.
   *
   * @param key the functional hash
   * @param fitness the stored fitness
   * @param representative the stored representative
   * @param hits the hits it served since it was stored
   * @param <V> the fitness type
   * @param <R> the representative type
   */
  public record Entry<V, R>(Hash128 key, V fitness, R representative, long hits) {

    /** Checks the components are present and {@code hits >= 0}. */
    public Entry {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(fitness, "fitness");
      Objects.requireNonNull(representative, "representative");
      if (hits < 0) {
        throw new IllegalArgumentException("negative hit count: " + hits);
      }
    }
  }
}
