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

  @Test
  void stopsAfterTheTimeLimit() {
    SearchConfig c = Searches.config(9, 1, 1, 1).withStop(StopConfig.time(Duration.ofMillis(300)));
    long t0 = System.nanoTime();
    SearchResult r = Search.of(c, Searches.EXP2).run();
    double seconds = (System.nanoTime() - t0) / 1e9;
    assertEquals("time", r.stopReason());
    assertTrue(seconds < 20, "took " + seconds + " s");
    assertTrue(r.generations() >= 1);
  }
}
