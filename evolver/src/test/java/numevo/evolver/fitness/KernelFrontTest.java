package numevo.evolver.fitness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import numevo.dsl.program.Program;
import numevo.dsl.text.Parser;
import org.junit.jupiter.api.Test;

class KernelFrontTest {
  private static final Program P = Parser.parse("kernel k float32\ninput x : f\noutput x\n", "k");

  private static FrontEntry entry(double error, double cost, long generation) {
    return FrontEntry.of(P, Fitness.of(error, cost), generation, 0);
  }

  @Test
  void dominatedKernelsLeaveAndBestErrorPerCostStays() {
    KernelFront f = KernelFront.of();
    assertTrue(f.offer(entry(10, 3, 1)));
    assertTrue(f.offer(entry(5, 5, 1)));
    assertTrue(f.offer(entry(20, 1, 1)));
    assertFalse(f.offer(entry(11, 3, 2)), "worse error at the same cost");
    assertFalse(f.offer(entry(10, 4, 2)), "same error at higher cost");
    assertTrue(f.offer(entry(4, 3, 3)), "better error at cost 3 dominates (10,3) and (5,5)");
    List<FrontEntry> e = f.entries();
    assertEquals(2, e.size());
    assertEquals(Fitness.of(20, 1), e.get(0).fitness());
    assertEquals(Fitness.of(4, 3), e.get(1).fitness());
    assertEquals(4, f.bestError());
  }

  @Test
  void aTieKeepsTheFirstAndInvalidKernelsNeverEnter() {
    KernelFront f = KernelFront.of();
    assertTrue(f.offer(entry(1, 1, 1)));
    assertFalse(f.offer(entry(1, 1, 2)));
    assertEquals(1, f.entries().get(0).generation());
    assertFalse(f.offer(FrontEntry.of(P, Fitness.invalid(0), 3, 0)));
    assertEquals(1, f.size());
  }

  @Property(tries = 200, seed = "1200")
  void theFrontIsExactlyTheNonDominatedFirstOffered(@ForAll long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    KernelFront f = KernelFront.of();
    List<FrontEntry> offered = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      FrontEntry e = entry(rng.nextInt(20), rng.nextInt(8), i);
      offered.add(e);
      assertEquals(f.wouldEnter(e.fitness()), f.offer(e));
    }
    List<FrontEntry> expected = new ArrayList<>();
    for (FrontEntry e : offered) {
      boolean beaten =
          offered.stream()
              .anyMatch(
                  o ->
                      o.fitness().dominates(e.fitness())
                          || (o.fitness().equals(e.fitness()) && o.generation() < e.generation()));
      if (!beaten) {
        expected.add(e);
      }
    }
    expected.sort((a, b) -> Double.compare(a.fitness().cost(), b.fitness().cost()));
    assertEquals(expected, f.entries());
    for (int i = 1; i < expected.size(); i++) {
      assertTrue(expected.get(i).fitness().error() < expected.get(i - 1).fitness().error());
    }
  }
}
