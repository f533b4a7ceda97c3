package numevo.evolver.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
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
   * A time-limited search stops and says it stopped for time, never before the limit. No upper
   * bound on the wall time is asserted (a shared machine can be arbitrarily slow); a time stop that
   * never fires is caught by the module's default test timeout (junit-platform.properties).
   */
  @Test
  void stopsAfterTheTimeLimit() {
    Duration limit = Duration.ofMillis(300);
    SearchConfig c = Searches.config(9, 1, 1, 1).withStop(StopConfig.time(limit));
    SearchResult r = Search.of(c, Searches.EXP2).run();
    assertEquals("time", r.stopReason());
    assertTrue(r.generations() >= 1);
    // The time stop is looked at after each generation: it fires only once the limit has passed.
    assertTrue(
        r.timings().elapsed().compareTo(limit) >= 0, "stopped after " + r.timings().elapsed());
  }
}
