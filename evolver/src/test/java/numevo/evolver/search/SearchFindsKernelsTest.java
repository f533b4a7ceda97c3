package numevo.evolver.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import numevo.dsl.text.Parser;
import numevo.evolver.fitness.FrontEntry;
import numevo.evolver.fitness.Objective;
import org.junit.jupiter.api.Test;

class SearchFindsKernelsTest {

  @Test
  void findsXSquaredPlusOneExactlyAndCheaply() {
    SearchResult r =
        Search.of(
                Searches.config(1, 2, 2, 200)
                    .withStop(StopConfig.generations(200).withTargetError(0)),
                Searches.SQUARE_PLUS_ONE)
            .run();
    assertEquals("target error", r.stopReason());
    FrontEntry best = r.front().get(r.front().size() - 1);
    assertEquals(0, best.fitness().error());
    assertTrue(best.fitness().cost() <= 2, "cost " + best.fitness().cost());
  }

  @Test
  void theFrontImprovesOnTheIdentityForExp2() {
    SearchResult r = Search.of(Searches.config(2, 2, 2, 40), Searches.EXP2).run();
    // The identity x is off by up to about 2^23 ulps near 1; one op does far better.
    assertTrue(r.bestError() < 1e6, "best " + r.bestError());
    for (int i = 1; i < r.front().size(); i++) {
      assertTrue(r.front().get(i).fitness().cost() > r.front().get(i - 1).fitness().cost());
      assertTrue(r.front().get(i).fitness().error() < r.front().get(i - 1).fitness().error());
    }
  }

  @Test
  void cheapestUnderAnErrorBoundFindsAFeasibleKernel() {
    SearchResult r =
        Search.of(
                Searches.config(3, 2, 2, 60).withObjective(Objective.cheapestUnder(0)),
                Searches.SQUARE_PLUS_ONE)
            .run();
    assertEquals(0, r.bestError());
  }

  @Test
  void aSeedKernelIsOnTheFrontFromTheFirstGeneration() {
    SearchConfig c =
        Searches.config(4, 1, 1, 1)
            .withSeeds(
                List.of(
                    Parser.parse(
                        "kernel s float32\ninput x : f\ny = fma x x 1.0\noutput y\n", "s")));
    SearchResult r = Search.of(c, Searches.SQUARE_PLUS_ONE).run();
    assertEquals(0, r.bestError());
    assertEquals(
        1,
        r.front().stream()
            .filter(e -> e.fitness().error() == 0)
            .findFirst()
            .orElseThrow()
            .generation());
  }
}
