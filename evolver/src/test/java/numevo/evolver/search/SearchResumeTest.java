package numevo.evolver.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Supplier;
import numevo.hashing.cache.CacheConfig;
import org.junit.jupiter.api.Test;

/**
 * A search resumed from a saved state (written to bytes and read back) ends exactly as the
 * uninterrupted search: same per-generation statistics and population digests, same front, caches
 * and scorings. States are taken at every barrier, also where a migration is pending, after a time
 * stop, and on one thread for a run made on two.
 */
class SearchResumeTest {

  /** Three islands migrating every 3 generations, a small cache (evictions), audits. */
  private static SearchConfig config(long generations, int threads) {
    SearchConfig c = Searches.config(31, 3, threads, generations);
    return c.withHash(
        c.hash().withCache(CacheConfig.DEFAULT.withMaxEntries(200).withAuditFraction(0.2)));
  }

  /** Keeps the bytes of every state offered at a barrier, by generation. */
  private static final class Recorder implements SearchListener {
    final TreeMap<Long, byte[]> states = new TreeMap<>();
    final List<GenerationStats> history = new ArrayList<>();

    @Override
    public void generation(GenerationStats stats) {
      history.add(stats);
    }

    @Override
    public void barrier(long generation, String stopReason, Supplier<SearchState> state) {
      if (state != null) {
        states.put(generation, SearchStateCodec.write(state.get()));
      }
    }
  }

  private static SearchState read(byte[] b) {
    try {
      return SearchStateCodec.read(b);
    } catch (SearchStateCodec.StateFormatException e) {
      throw new AssertionError(e);
    }
  }

  private static void assertContinues(SearchResult whole, long from, SearchResult resumed) {
    List<GenerationStats> tail = whole.history().subList((int) from, whole.history().size());
    assertEquals(tail.size(), resumed.history().size(), "generations after " + from);
    for (int g = 0; g < tail.size(); g++) {
      assertEquals(tail.get(g), resumed.history().get(g), "generation " + (from + g + 1));
    }
    assertEquals(whole.front(), resumed.front());
    assertEquals(whole.caches(), resumed.caches());
    assertEquals(whole.evaluations(), resumed.evaluations());
    assertEquals(whole.generation(), resumed.generation());
  }

  @Test
  void resumingFromEveryBarrierEndsAsTheUninterruptedRun() {
    Recorder rec = new Recorder();
    SearchResult whole = Search.of(config(14, 2), Searches.EXP2).run(rec);
    assertEquals(14, whole.generation());
    assertTrue(rec.states.size() >= 5, "barriers: " + rec.states.keySet());
    assertTrue(whole.caches().stream().anyMatch(s -> s.evictions() > 0), "evictions happened");
    for (var e : rec.states.entrySet()) {
      if (e.getKey() == 14) {
        continue;
      }
      SearchState s = read(e.getValue());
      assertEquals(e.getKey(), s.generation());
      SearchResult resumed =
          Search.of(config(14, 1), Searches.EXP2).resume(s, new SearchListener() {});
      assertContinues(whole, e.getKey(), resumed);
    }
  }

  @Test
  void aRunStoppedWhereItWouldMigrateExtendsToTheLongerRun() {
    // 9 generations, migrating every 3: the final state is taken before the migration that the
    // 15-generation run makes after generation 9.
    Recorder stopped = new Recorder();
    Search.of(config(9, 2), Searches.EXP2).run(stopped);
    SearchState last = read(stopped.states.lastEntry().getValue());
    assertEquals(9, last.generation());
    assertTrue(last.migrationPending());
    SearchResult longer = Search.of(config(15, 2), Searches.EXP2).run();
    SearchResult extended =
        Search.of(config(15, 2), Searches.EXP2).resume(last, new SearchListener() {});
    assertContinues(longer, 9, extended);
  }

  @Test
  void aTimeStoppedRunEndsAtABarrierAndExtendsToTheLongerRun() {
    SearchConfig timed = config(1, 2).withStop(StopConfig.time(Duration.ofMillis(300)));
    Recorder rec = new Recorder();
    SearchResult r = Search.of(timed, Searches.EXP2).run(rec);
    assertEquals("time", r.stopReason());
    // Every island caught up: the last barrier is the last generation, and its state exists.
    assertEquals(r.generation(), (long) rec.states.lastKey());
    long g = r.generation();
    SearchResult longer = Search.of(config(g + 7, 2), Searches.EXP2).run();
    SearchResult extended =
        Search.of(config(g + 7, 1), Searches.EXP2)
            .resume(read(rec.states.lastEntry().getValue()), new SearchListener() {});
    assertContinues(longer, g, extended);
  }

  @Test
  void aStateReadsBackToTheSameBytes() {
    Recorder rec = new Recorder();
    Search.of(config(7, 2), Searches.EXP2).run(rec);
    for (byte[] b : rec.states.values()) {
      assertArrayEquals(b, SearchStateCodec.write(read(b)));
    }
    // States of different barriers differ (so the comparison above can fail).
    List<byte[]> all = new ArrayList<>(rec.states.values());
    assertNotEquals(Arrays.hashCode(all.get(0)), Arrays.hashCode(all.get(all.size() - 1)));
  }

  @Test
  void truncatedCorruptAndNewerStatesAreRefused() {
    Recorder rec = new Recorder();
    Search.of(config(3, 1), Searches.EXP2).run(rec);
    byte[] b = rec.states.lastEntry().getValue();
    var truncated =
        assertThrows(
            SearchStateCodec.StateFormatException.class,
            () -> SearchStateCodec.read(Arrays.copyOf(b, b.length / 2)));
    assertTrue(truncated.getMessage().contains("truncated"), truncated.getMessage());
    byte[] newer = b.clone();
    newer[7] = (byte) (SearchStateCodec.VERSION + 1);
    var version =
        assertThrows(
            SearchStateCodec.StateFormatException.class, () -> SearchStateCodec.read(newer));
    assertTrue(version.getMessage().contains("newer"), version.getMessage());
    byte[] garbage = b.clone();
    garbage[0] ^= 0x55;
    assertThrows(SearchStateCodec.StateFormatException.class, () -> SearchStateCodec.read(garbage));
    byte[] longer = Arrays.copyOf(b, b.length + 1);
    assertThrows(SearchStateCodec.StateFormatException.class, () -> SearchStateCodec.read(longer));
  }

  @Test
  void aStateOfAnotherIslandCountIsRefused() {
    Recorder rec = new Recorder();
    Search.of(config(3, 1), Searches.EXP2).run(rec);
    SearchState s = read(rec.states.lastEntry().getValue());
    SearchConfig two = config(6, 1).withIslands(IslandConfig.of(2, 3, 2, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> Search.of(two, Searches.EXP2).resume(s, new SearchListener() {}));
  }
}
