package numevo.evolver.search;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import numevo.hashing.Hash128;

/**
 * Errors of kernels shared between islands (in one process, or across the members of a cluster), by
 * each kernel's exact live code ({@link ScoreKeys}): a second level behind each island's own
 * equivalence cache, looked up only for the candidates the island is about to score.
 *
 * <p><b>The rule that keeps results independent of it</b>: a stored error is the error the scorer
 * gives that very live code, so a hit returns exactly what scoring would; it is consulted only
 * where an island scores anyway (after its own cache missed), never by the mutator's "known
 * function" test, the deduplication or the island's cache, and it draws no random numbers. The
 * island counts the scoring as made (its statistics are those of a run without sharing) and stores
 * the error in its own cache as it would after scoring. So whether a key is present, which member
 * wrote it, when, and whether it was evicted change only the time a generation takes.
 * Implementations may lose entries at any moment (bounded, evicting) and must be thread-safe.
 */
public interface SharedScores {

  /**
   * Looks up {@code n} keys.
   *
   * @param keys the keys, the first {@code n} used
   * @param out for each key, the error stored, or NaN when none is (errors stored are never NaN)
   */
  void lookup(Hash128[] keys, int n, double[] out);

  /**
   * Offers errors just computed: a key not present is stored, a present one is kept as it is (its
   * error is the same).
   *
   * @param keys the keys, the first {@code n} used
   * @param errors their errors (never NaN)
   */
  void offer(Hash128[] keys, double[] errors, int n);

  /** Lookups, hits and entries offered so far (by this process's users of it). */
  Counts counts();

  /**
   * Counters.
   *
   * @param lookups keys looked up
   * @param hits keys found
   * @param foreignHits keys found that another member had stored (0 in one process)
   * @param offered keys offered
   */
  record Counts(long lookups, long hits, long foreignHits, long offered) {
    /** The sum of two. */
    public Counts plus(Counts o) {
      return new Counts(
          lookups + o.lookups, hits + o.hits, foreignHits + o.foreignHits, offered + o.offered);
    }
  }

  /**
   * Shared scores in this process: at most {@code maxEntries} entries, the least recently used
   * evicted first.
   */
  static SharedScores inMemory(int maxEntries) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be >= 1: " + maxEntries);
    }
    return new SharedScores() {
      private final Map<Hash128, Double> map =
          new LinkedHashMap<>(1024, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Hash128, Double> eldest) {
              return size() > maxEntries;
            }
          };
      private final AtomicLong lookups = new AtomicLong();
      private final AtomicLong hits = new AtomicLong();
      private final AtomicLong offered = new AtomicLong();

      @Override
      public synchronized void lookup(Hash128[] keys, int n, double[] out) {
        int h = 0;
        for (int j = 0; j < n; j++) {
          Double e = map.get(keys[j]);
          out[j] = e == null ? Double.NaN : e;
          h += e == null ? 0 : 1;
        }
        lookups.addAndGet(n);
        hits.addAndGet(h);
      }

      @Override
      public synchronized void offer(Hash128[] keys, double[] errors, int n) {
        for (int j = 0; j < n; j++) {
          map.putIfAbsent(keys[j], errors[j]);
        }
        offered.addAndGet(n);
      }

      @Override
      public Counts counts() {
        return new Counts(lookups.get(), hits.get(), 0, offered.get());
      }
    };
  }
}
