package numevo.evolver.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import numevo.hashing.cache.CacheConfig;
import org.junit.jupiter.api.Test;

/**
 * The same seed and configuration give a bit-identical front and per-generation statistics with one
 * thread and with two; a different seed gives something else (so the comparison can fail).
 */
class SearchDeterminismTest {

  /** A tiny cache, so that evictions depend on insertion order, and audits of a fifth of hits. */
  private static SearchConfig config(long seed, int islands, int threads, int cacheEntries) {
    SearchConfig c = Searches.config(seed, islands, threads, 30);
    return c.withHash(
        c.hash()
            .withCache(CacheConfig.DEFAULT.withMaxEntries(cacheEntries).withAuditFraction(0.2)));
  }

  private static void assertSameRun(SearchResult one, SearchResult two) {
    assertEquals(one.history().size(), two.history().size());
    for (int g = 0; g < one.history().size(); g++) {
      // One generation per message: whole histories make unreadable failures.
      assertEquals(one.history().get(g), two.history().get(g), "generation " + (g + 1));
    }
    assertEquals(one.front(), two.front());
    assertEquals(one.caches(), two.caches());
    assertEquals(one.evaluations(), two.evaluations());
  }

  @Test
  void threeIslandsGiveTheSameRunOnOneOrTwoThreads() {
    SearchResult one = Search.of(config(17, 3, 1, 300), Searches.EXP2).run();
    SearchResult two = Search.of(config(17, 3, 2, 300), Searches.EXP2).run();
    assertSameRun(one, two);
    assertTrue(one.caches().stream().anyMatch(s -> s.evictions() > 0), "evictions happened");
    assertTrue(one.caches().stream().anyMatch(s -> s.audits() > 0), "audits happened");
    assertTrue(
        one.history().stream().mapToLong(g -> g.get(Stat.TUNING_IMPROVEMENTS)).sum() > 0,
        "constant tuning improved kernels");

    SearchResult other = Search.of(config(18, 3, 2, 300), Searches.EXP2).run();
    assertNotEquals(one.history(), other.history());
  }

  @Test
  void oneIslandScoredOnTwoThreadsGivesTheSameRun() {
    // One island: both threads work inside its hashing and scoring loops, in any order.
    SearchResult one = Search.of(config(23, 1, 1, 40), Searches.EXP2).run();
    SearchResult two = Search.of(config(23, 1, 2, 40), Searches.EXP2).run();
    assertSameRun(one, two);
    assertTrue(one.caches().get(0).evictions() > 100);
  }
}
