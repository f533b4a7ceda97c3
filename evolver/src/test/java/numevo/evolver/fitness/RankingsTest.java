package numevo.evolver.fitness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenetics.ext.moea.Vec;
import org.junit.jupiter.api.Test;

class RankingsTest {

  @Test
  void paretoRankingRoundTripsAndKeepsInvalidFinite() {
    @SuppressWarnings("unchecked")
    Ranking<Vec<double[]>> r = (Ranking<Vec<double[]>>) Objective.pareto().ranking();
    Fitness f = Fitness.of(3.5, 2);
    assertEquals(f, r.fitness(r.rank(f)));
    Vec<double[]> bad = r.rank(Fitness.invalid(4));
    assertTrue(Double.isFinite(bad.data()[0]));
    assertEquals(Fitness.invalid(4), r.fitness(bad));
  }

  @Test
  void cheapestUnderPrefersAnyFeasibleKernelThenTheCheapest() {
    @SuppressWarnings("unchecked")
    Ranking<Constrained> r = (Ranking<Constrained>) Objective.cheapestUnder(1.0).ranking();
    Constrained feasibleExpensive = r.rank(Fitness.of(0.9, 10));
    Constrained feasibleCheap = r.rank(Fitness.of(1.0, 3));
    Constrained infeasibleCheap = r.rank(Fitness.of(1.5, 1));
    Constrained invalid = r.rank(Fitness.invalid(0));
    assertTrue(feasibleCheap.compareTo(feasibleExpensive) < 0);
    assertTrue(feasibleExpensive.compareTo(infeasibleCheap) < 0);
    assertTrue(infeasibleCheap.compareTo(invalid) < 0);
    assertEquals(Fitness.of(1.0, 3), r.fitness(feasibleCheap));
  }

  @Test
  void smallestErrorUnderCostPrefersAnyAffordableKernelThenTheMostAccurate() {
    @SuppressWarnings("unchecked")
    Ranking<Constrained> r = (Ranking<Constrained>) Objective.smallestErrorUnder(4).ranking();
    Constrained affordableAccurate = r.rank(Fitness.of(0.1, 4));
    Constrained affordableRough = r.rank(Fitness.of(2, 1));
    Constrained tooDear = r.rank(Fitness.of(0, 5));
    assertTrue(affordableAccurate.compareTo(affordableRough) < 0);
    assertTrue(affordableRough.compareTo(tooDear) < 0);
  }
}
