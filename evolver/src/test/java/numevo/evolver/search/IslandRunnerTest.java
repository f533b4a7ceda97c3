package numevo.evolver.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Supplier;
import numevo.hashing.cache.CacheConfig;
import org.junit.jupiter.api.Test;

/**
 * A search whose islands run as {@link IslandTask}s (written to bytes, rebuilt from their states,
 * run by an {@link IslandWorker}, their results read back) gives exactly the results of the search
 * whose islands live in its process: the same statistics and population digests generation for
 * generation, the same front, caches and scorings; a task run twice, on workers of different thread
 * counts, gives the same bytes; and the states a runner's search offers resume either way.
 */
class IslandRunnerTest {

  /** Three islands migrating every 3 generations, a small cache (evictions), audits. */
  private static SearchConfig config(long generations, int threads) {
    SearchConfig c = Searches.config(31, 3, threads, generations);
    return c.withHash(
        c.hash().withCache(CacheConfig.DEFAULT.withMaxEntries(200).withAuditFraction(0.2)));
  }

  private static final class Recorder implements SearchListener {
    final TreeMap<Long, SearchState> states = new TreeMap<>();

    @Override
    public void barrier(long generation, String stopReason, Supplier<SearchState> state) {
      if (state != null) {
        states.put(generation, state.get());
      }
    }
  }

  private static void assertSame(SearchResult expected, SearchResult actual) {
    assertEquals(expected.history().size(), actual.history().size());
    for (int g = 0; g < expected.history().size(); g++) {
      assertEquals(expected.history().get(g), actual.history().get(g), "generation " + (g + 1));
    }
    assertEquals(expected.front(), actual.front());
    assertEquals(expected.caches(), actual.caches());
    assertEquals(expected.evaluations(), actual.evaluations());
    assertEquals(expected.generation(), actual.generation());
    assertEquals(expected.stopReason(), actual.stopReason());
  }

  @Test
  void islandsRunAsTasksGiveTheResultsOfIslandsInProcess() {
    SearchResult local = Search.of(config(14, 2), Searches.EXP2).run();
    try (IslandWorker worker = IslandWorker.of(config(14, 2), Searches.EXP2)) {
      SearchResult remote =
          Search.of(config(14, 1), Searches.EXP2).withRunner(IslandRunner.inProcess(worker)).run();
      assertSame(local, remote);
    }
    assertTrue(local.caches().stream().anyMatch(s -> s.evictions() > 0), "evictions happened");
    assertTrue(local.history().stream().mapToLong(GenerationStats::scorings).sum() > 0);
  }

  @Test
  void aTaskRunTwiceOnAnotherWorkerGivesTheSameResult() {
    List<List<byte[]>> seen = new ArrayList<>();
    try (IslandWorker one = IslandWorker.of(config(9, 1), Searches.EXP2);
        IslandWorker two = IslandWorker.of(config(9, 2), Searches.EXP2)) {
      IslandRunner twice =
          tasks -> {
            List<byte[]> a = new ArrayList<>();
            List<byte[]> b = new ArrayList<>();
            // The second worker runs the tasks in reverse order.
            for (IslandTask t : tasks) {
              a.add(IslandRunner.runOn(one, t));
            }
            for (int i = tasks.size() - 1; i >= 0; i--) {
              b.add(0, IslandRunner.runOn(two, tasks.get(i)));
            }
            for (int i = 0; i < a.size(); i++) {
              assertArrayEquals(
                  withoutTimes(a.get(i)),
                  withoutTimes(b.get(i)),
                  "island " + tasks.get(i).island());
            }
            seen.add(a);
            return b;
          };
      SearchResult r = Search.of(config(9, 1), Searches.EXP2).withRunner(twice).run();
      assertSame(Search.of(config(9, 1), Searches.EXP2).run(), r);
    }
    assertTrue(seen.size() >= 3, "batches: " + seen.size());
    // Results of different batches differ (so the comparison can fail).
    assertNotEquals(
        java.util.Arrays.hashCode(seen.get(0).get(0)),
        java.util.Arrays.hashCode(seen.get(seen.size() - 1).get(0)));
  }

  @Test
  void aRunnersStatesResumeInProcessAndTheOtherWayRound() {
    SearchResult whole = Search.of(config(14, 2), Searches.EXP2).run();
    Recorder remoteStates = new Recorder();
    Recorder localStates = new Recorder();
    Search.of(config(14, 2), Searches.EXP2).run(localStates);
    try (IslandWorker worker = IslandWorker.of(config(14, 2), Searches.EXP2)) {
      Search remote =
          Search.of(config(14, 1), Searches.EXP2).withRunner(IslandRunner.inProcess(worker));
      remote.run(remoteStates);
      // A state where a migration is due holds the populations before it, the migration pending.
      assertTrue(remoteStates.states.get(6L).migrationPending());
      assertTrue(!localStates.states.get(6L).migrationPending());
      for (long g : List.of(3L, 6L, 12L)) {
        SearchResult fromRemote =
            Search.of(config(14, 1), Searches.EXP2)
                .resume(SearchStateCodecRoundTrip.of(remoteStates.states.get(g)), noop());
        assertEquals(whole.front(), fromRemote.front(), "resumed in process from " + g);
        assertEquals(
            whole.history().subList((int) g, 14), fromRemote.history(), "history from " + g);
        // A runner resuming its own state (at 6: a migration pending, planned from the states).
        SearchResult byRunner = remote.resume(remoteStates.states.get(g), noop());
        assertEquals(whole.front(), byRunner.front(), "resumed by the runner from its own " + g);
        assertEquals(whole.history().subList((int) g, 14), byRunner.history());
        SearchResult fromLocal = remote.resume(localStates.states.get(g), noop());
        assertEquals(whole.front(), fromLocal.front(), "resumed by the runner from " + g);
        assertEquals(whole.history().subList((int) g, 14), fromLocal.history());
        assertEquals(whole.caches(), fromLocal.caches());
      }
    }
  }

  @Test
  void islandsMovedBetweenWorkersOrRebuiltAfterAWorkerIsLostGiveTheSameResults() {
    SearchResult local = Search.of(config(20, 1), Searches.EXP2).run();
    List<IslandWorker> workers = new ArrayList<>();
    int[] batch = {0};
    int[] notHeld = {0};
    try {
      for (int w = 0; w < 3; w++) {
        workers.add(IslandWorker.of(config(20, 1), Searches.EXP2));
      }
      // Each batch, island i runs on worker (i + batch) mod 3: every island moves every batch, so
      // every task is rebuilt from the seed and the migrants since. At batch 4 worker 0 is
      // replaced by a new one (a member that died and one that joined).
      IslandRunner moving =
          tasks -> {
            batch[0]++;
            if (batch[0] == 4) {
              workers.get(0).close();
              workers.set(0, IslandWorker.of(config(20, 1), Searches.EXP2));
            }
            List<byte[]> out = new ArrayList<>();
            for (IslandTask t : tasks) {
              IslandWorker w = workers.get((t.island() + batch[0]) % workers.size());
              byte[] r = w.run(t.write(false));
              if (IslandWorker.notHeld(r)) {
                notHeld[0]++;
                r = w.run(t.write(true));
              }
              out.add(r);
            }
            return out;
          };
      SearchResult r = Search.of(config(20, 1), Searches.EXP2).withRunner(moving).run();
      assertSame(local, r);
    } finally {
      workers.forEach(IslandWorker::close);
    }
    assertTrue(notHeld[0] > 0, "islands were rebuilt");
  }

  @Test
  void tasksSentWithoutTheirRebuildCarryNoStateAndIslandsStayWithTheirWorker() {
    List<Integer> sizes = new ArrayList<>();
    try (IslandWorker worker = IslandWorker.of(config(12, 1), Searches.EXP2)) {
      IslandRunner sizing =
          tasks -> {
            List<byte[]> out = new ArrayList<>();
            for (IslandTask t : tasks) {
              byte[] b = t.write(false);
              sizes.add(b.length);
              byte[] r = worker.run(b);
              assertTrue(!IslandWorker.notHeld(r), "the worker holds island " + t.island());
              out.add(r);
            }
            return out;
          };
      assertSame(
          Search.of(config(12, 1), Searches.EXP2).run(),
          Search.of(config(12, 1), Searches.EXP2).withRunner(sizing).run());
      assertEquals(3, worker.held());
    }
    // Seed, island, generations, flags and at most the migrants: never a state or a cache.
    assertTrue(sizes.stream().allMatch(b -> b < 4096), sizes.toString());
  }

  @Test
  void sharedScoresChangeNoResultAndAreHit() {
    SearchResult plain = Search.of(config(14, 2), Searches.EXP2).run();
    SharedScores shared = SharedScores.inMemory(100_000);
    SearchResult withShared =
        Search.of(config(14, 2), Searches.EXP2).withSharedScores(shared).run();
    assertSame(plain, withShared);
    SharedScores.Counts c = shared.counts();
    assertTrue(c.hits() > 0, c.toString());
    assertTrue(c.offered() > 0 && c.lookups() > c.hits(), c.toString());
    // A tiny shared store (constant eviction) changes nothing either; nor do workers sharing one.
    SharedScores tiny = SharedScores.inMemory(3);
    assertSame(plain, Search.of(config(14, 2), Searches.EXP2).withSharedScores(tiny).run());
    SharedScores across = SharedScores.inMemory(100_000);
    try (IslandWorker a = IslandWorker.of(config(14, 1), Searches.EXP2, across);
        IslandWorker b = IslandWorker.of(config(14, 1), Searches.EXP2, across)) {
      IslandRunner two =
          tasks -> {
            List<byte[]> out = new ArrayList<>();
            for (IslandTask t : tasks) {
              out.add(IslandRunner.runOn(t.island() % 2 == 0 ? a : b, t));
            }
            return out;
          };
      assertSame(plain, Search.of(config(14, 1), Searches.EXP2).withRunner(two).run());
    }
    assertTrue(across.counts().hits() > 0, across.counts().toString());
  }

  @Test
  void aTimeLimitedSearchOfARunnerEndsAtABarrierWithTheGenerationsOfAnUnlimitedOne() {
    SearchConfig c =
        config(100_000, 1).withStop(StopConfig.time(java.time.Duration.ofMillis(1500)));
    SearchResult r;
    try (IslandWorker w = IslandWorker.of(c, Searches.EXP2)) {
      r = Search.of(c, Searches.EXP2).withRunner(IslandRunner.inProcess(w)).run();
    }
    assertEquals("time", r.stopReason());
    SearchResult ref = Search.of(config(r.generation(), 1), Searches.EXP2).run();
    assertEquals(ref.history(), r.history());
    assertEquals(ref.front(), r.front());
  }

  @Test
  void aTaskOfAnotherSearchIsRefused() {
    try (IslandWorker worker = IslandWorker.of(config(3, 1), Searches.EXP2)) {
      IslandTask other = IslandTask.of(32, 0, 0, IslandTask.Rebuild.fromSeed(), List.of(), 1, -1);
      assertThrows(IllegalArgumentException.class, () -> worker.run(other.write()));
      IslandTask noIsland =
          IslandTask.of(31, 3, 0, IslandTask.Rebuild.fromSeed(), List.of(), 1, -1);
      assertThrows(IllegalArgumentException.class, () -> worker.run(noIsland.write()));
      assertThrows(IllegalArgumentException.class, () -> worker.run(new byte[] {1, 2, 3}));
    }
  }

  /** A result's bytes without the times it measured: counters, entries, digests and state. */
  private static byte[] withoutTimes(byte[] result) {
    IslandResult r = IslandResult.read(result);
    SearchStateCodec.Out out = new SearchStateCodec.Out(1024);
    out.writeInt(r.island());
    for (Island.Step s : r.steps()) {
      long[] counts = new long[Stat.COUNT];
      s.tally().addTo(counts);
      for (long c : counts) {
        out.writeLong(c);
      }
      SearchStateCodec.writeFront(out, s.entered());
      SearchStateCodec.writeStats(out, s.cache());
      out.writeLong(s.digest());
    }
    if (r.standings() != null) {
      for (IslandResult.Standing st : r.standings()) {
        out.writeLong(st.birth());
        SearchStateCodec.writeFitness(out, st.fitness());
      }
    }
    for (SearchState.Individual e : r.emigrants()) {
      SearchStateCodec.writeIndividual(out, e);
    }
    if (r.state() != null) {
      SearchStateCodec.writeIsland(out, r.state());
    }
    return out.toByteArray();
  }

  private static SearchListener noop() {
    return new SearchListener() {};
  }

  /** A state through its bytes, as a run store keeps it. */
  private static final class SearchStateCodecRoundTrip {
    static SearchState of(SearchState s) {
      try {
        return SearchStateCodec.read(SearchStateCodec.write(s));
      } catch (SearchStateCodec.StateFormatException e) {
        throw new AssertionError(e);
      }
    }
  }
}
