package numevo.evolver.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/** A search stops at the first barrier where a limit is reached, and says which. */
class StoppingTest {

  @Test
  void stopsOnceEnoughScoringsWereMade() {
    SearchConfig c =
        Searches.config(8, 2, 2, 1).withStop(StopConfig.generations(10_000).withEvaluations(2_000));
    SearchResult r = Search.of(c, Searches.EXP2).run();
    assertEquals("evaluations", r.stopReason());
    assertTrue(r.evaluations() >= 2_000);
    long before =
        r.history().subList(0, r.history().size() - 1).stream()
            .mapToLong(g -> g.get(Stat.SCORED) + g.get(Stat.TUNING_SCORINGS))
            .sum();
    assertTrue(before < 2_000, "the limit was reached only in the last generation");
  }

  /**
   * A time-limited search stops and says it stopped for time. No bound on the wall time is asserted
   * here (a shared machine can be arbitrarily slow); a time stop that never fires is caught by the
   * module's default test timeout (junit-platform.properties). The bound is checked below on an
   * injected clock.
   */
  @Test
  void stopsForTime() {
    SearchConfig c = Searches.config(9, 1, 1, 1).withStop(StopConfig.time(Duration.ofMillis(300)));
    SearchResult r = Search.of(c, Searches.EXP2).run();
    assertEquals("time", r.stopReason());
    assertTrue(r.generations() >= 1);
  }

  /** A clock that advances one millisecond at every reading: time is the count of readings. */
  private static LongSupplier tickingClock() {
    AtomicLong t = new AtomicLong();
    return () -> t.addAndGet(1_000_000);
  }

  /**
   * On a clock the search reads itself, a time-limited search of four islands on one thread stops
   * within its limit: batches are sized to the generations that fit at the last batch's pace, and
   * the search stops when another generation would not fit (before, islands ran a whole batch past
   * the deadline to stay in lockstep). The clock is deterministic, so the result is too.
   */
  @Test
  void aTimeLimitedSearchStopsWithinItsLimit() {
    Duration limit = Duration.ofMillis(200);
    SearchConfig c = Searches.config(9, 4, 1, 1).withStop(StopConfig.time(limit));
    SearchResult r = Search.of(c, Searches.EXP2).withClock(tickingClock()).run();
    assertEquals("time", r.stopReason());
    assertTrue(r.generations() >= 2, "generations " + r.generations());
    assertTrue(
        r.timings().elapsed().compareTo(limit) <= 0, "stopped after " + r.timings().elapsed());
    SearchResult again = Search.of(c, Searches.EXP2).withClock(tickingClock()).run();
    assertEquals(r.generations(), again.generations());
  }

  /** Without a time limit the clock is not consulted for stopping: generation limits are exact. */
  @Test
  void aGenerationLimitedSearchRunsItsGenerationsWhateverTheClock() {
    SearchConfig c = Searches.config(9, 4, 1, 37);
    SearchResult r = Search.of(c, Searches.EXP2).withClock(tickingClock()).run();
    assertEquals("generations", r.stopReason());
    assertEquals(37, r.generations());
    assertEquals(Search.of(c, Searches.EXP2).run().front().size(), r.front().size());
  }
}
