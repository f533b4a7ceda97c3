package numevo.evolver.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Op;
import numevo.dsl.program.Type;
import numevo.evolver.genome.GenomeConfig;
import numevo.hashing.cache.CacheConfig;
import numevo.hashing.cache.CacheStats;
import org.junit.jupiter.api.Test;

/** The per-generation counts add up, and agree with the caches' own counters. */
class CacheStatisticsTest {

  private static void assertAddsUp(SearchResult r) {
    long hits = 0;
    long misses = 0;
    long audits = 0;
    long falseHits = 0;
    long scored = 0;
    long tuning = 0;
    for (GenerationStats g : r.history()) {
      assertEquals(
          g.get(Stat.PROPOSED),
          g.get(Stat.CACHE_HITS)
              + g.get(Stat.DUPLICATE_HITS)
              + g.get(Stat.MISSES)
              + g.get(Stat.UNCACHED),
          g.toString());
      assertEquals(
          g.get(Stat.SCORED),
          g.get(Stat.MISSES) + g.get(Stat.UNCACHED) + g.get(Stat.AUDITS),
          g.toString());
      assertTrue(g.get(Stat.AUDITS) <= g.get(Stat.CACHE_HITS));
      assertTrue(g.get(Stat.FALSE_HITS) <= g.get(Stat.AUDITS));
      hits += g.get(Stat.CACHE_HITS);
      misses += g.get(Stat.MISSES);
      audits += g.get(Stat.AUDITS);
      falseHits += g.get(Stat.FALSE_HITS);
      scored += g.get(Stat.SCORED);
      tuning += g.get(Stat.TUNING_SCORINGS);
      assertTrue(g.get(Stat.TUNING_IMPROVEMENTS) <= g.get(Stat.TUNINGS));
    }
    long lookups = r.caches().stream().mapToLong(CacheStats::lookups).sum();
    assertEquals(hits + misses, lookups);
    assertEquals(hits, r.caches().stream().mapToLong(CacheStats::hits).sum());
    assertEquals(audits, r.caches().stream().mapToLong(CacheStats::audits).sum());
    assertEquals(falseHits, r.caches().stream().mapToLong(CacheStats::falseHits).sum());
    assertEquals(scored + tuning, r.evaluations());
  }

  @Test
  void countsAddUpWithTheCache() {
    SearchConfig c = Searches.config(5, 2, 2, 25);
    c = c.withHash(c.hash().withCache(CacheConfig.DEFAULT.withAuditFraction(0.5)));
    SearchResult r = Search.of(c, Searches.EXP2).run();
    assertAddsUp(r);
    long hits = r.history().stream().mapToLong(g -> g.get(Stat.CACHE_HITS)).sum();
    assertTrue(hits > 0, "some hits");
    assertTrue(r.history().stream().mapToLong(g -> g.get(Stat.AUDITS)).sum() > 0);
  }

  @Test
  void withoutHashingEverythingIsScoredUncached() {
    SearchConfig c = Searches.config(6, 1, 1, 10);
    SearchResult r = Search.of(c.withHash(c.hash().withEnabled(false)), Searches.EXP2).run();
    assertAddsUp(r);
    for (GenerationStats g : r.history()) {
      assertEquals(g.get(Stat.PROPOSED), g.get(Stat.UNCACHED));
      assertEquals(0, g.get(Stat.CACHE_HITS) + g.get(Stat.DUPLICATE_HITS));
    }
  }

  @Test
  void exactIntPolynomialKernelsUseTheCacheAndNeverHitFalsely() {
    GenomeConfig ints =
        GenomeConfig.of(
            NumberFormat.FLOAT64,
            List.of(Type.INT, Type.INT),
            Type.INT,
            List.of(Op.ZADD, Op.ZSUB, Op.ZMUL));
    // Fibonacci: a(n) = a(n-1) + a(n-2), from pairs of consecutive terms.
    long[] fib = new long[30];
    fib[0] = 0;
    fib[1] = 1;
    for (int i = 2; i < fib.length; i++) {
      fib[i] = fib[i - 1] + fib[i - 2];
    }
    SearchConfig c =
        SearchConfig.of(7, ints, StopConfig.generations(5))
            .withIslands(IslandConfig.of(1, 5, 0, 1))
            .withEngine(EngineConfig.DEFAULT.withPopulationSize(30));
    SearchResult r =
        Search.of(
                c,
                p -> {
                  numevo.dsl.eval.Interpreter in = numevo.dsl.eval.Interpreter.of(p);
                  double wrong = 0;
                  for (int i = 2; i < fib.length; i++) {
                    Object y =
                        in.eval(
                                java.math.BigInteger.valueOf(fib[i - 1]),
                                java.math.BigInteger.valueOf(fib[i - 2]))[0];
                    if (!y.equals(java.math.BigInteger.valueOf(fib[i]))) {
                      wrong++;
                    }
                  }
                  return wrong;
                })
            .run();
    assertAddsUp(r);
    long hits = 0;
    for (GenerationStats g : r.history()) {
      // Polynomial kernels all get a hash modulo the prime: none is scored uncached.
      assertEquals(0, g.get(Stat.UNCACHED));
      assertEquals(0, g.get(Stat.FALSE_HITS));
      hits += g.get(Stat.CACHE_HITS) + g.get(Stat.DUPLICATE_HITS);
    }
    assertTrue(hits > 0, "no candidate was answered by the cache");
    assertEquals(0, r.bestError(), "a + b is one mutation from most kernels");
  }
}
