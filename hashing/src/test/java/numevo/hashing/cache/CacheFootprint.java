package numevo.hashing.cache;

import java.util.Locale;
import numevo.hashing.Hash128;

/**
 * Measures the heap bytes per cache entry: fills caches with a million entries and compares heap
 * use after garbage collection. Not a test; run it with {@code java -cp
 * hashing/target/classes:hashing/target/test-classes numevo.hashing.cache.CacheFootprint}.
 */
public final class CacheFootprint {
  private CacheFootprint() {}

  private static final int N = 1_000_000;

  public static void main(String[] args) {
    Object representative = new Object();
    Double shared = 1.0;
    System.out.printf(
        Locale.ROOT,
        "JVM %s, max heap %d MiB%n",
        System.getProperty("java.vm.version"),
        Runtime.getRuntime().maxMemory() >> 20);
    for (int round = 0; round < 3; round++) {
      double overhead = perEntry(i -> shared, representative);
      double withDouble = perEntry(i -> (double) i, representative);
      System.out.printf(
          Locale.ROOT,
          "round %d: cache overhead %.1f B/entry (key, map entry, record); with a boxed Double"
              + " fitness %.1f B/entry%n",
          round,
          overhead,
          withDouble);
    }
  }

  private interface Fitness {
    Double of(long i);
  }

  private static double perEntry(Fitness fitness, Object representative) {
    long before = usedAfterGc();
    EquivalenceCache<Double, Object> c =
        EquivalenceCache.of(CacheConfig.of(N, Long.MAX_VALUE, 0, 0, 0));
    for (long i = 0; i < N; i++) {
      c.put(Hash128.of(i * 0x9e37_79b9_7f4a_7c15L, ~i), representative, fitness.of(i));
    }
    long after = usedAfterGc();
    if (c.size() != N) {
      throw new AssertionError(c.size());
    }
    return (double) (after - before) / N;
  }

  private static long usedAfterGc() {
    Runtime rt = Runtime.getRuntime();
    long used = Long.MAX_VALUE;
    // Several collections until the figure settles.
    for (int i = 0; i < 5; i++) {
      System.gc();
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      used = Math.min(used, rt.totalMemory() - rt.freeMemory());
    }
    return used;
  }
}
