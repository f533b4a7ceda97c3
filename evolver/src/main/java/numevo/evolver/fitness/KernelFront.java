package numevo.evolver.fitness;

import io.jenetics.ext.moea.ParetoFront;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The Pareto front of (error, cost) kept over a whole run: for each cost, the best error found, and
 * only kernels no other kernel beats in both. Backed by Jenetics' {@link ParetoFront}. When two
 * kernels tie in both objectives the one offered first stays, so the front is a deterministic
 * function of the order of offers. Invalid kernels (infinite error) never enter. Not thread-safe.
 */
public final class KernelFront {
  private final ParetoFront<FrontEntry> front =
      new ParetoFront<>(KernelFront::dominance, (a, b) -> sameObjectives(a, b));

  private KernelFront() {}

  /** An empty front. */
  public static KernelFront of() {
    return new KernelFront();
  }

  // Positive if a dominates b (both minimized), negative if b dominates a.
  private static int dominance(FrontEntry a, FrontEntry b) {
    if (a.fitness().dominates(b.fitness())) {
      return 1;
    }
    return b.fitness().dominates(a.fitness()) ? -1 : 0;
  }

  private static boolean sameObjectives(FrontEntry a, FrontEntry b) {
    return Double.compare(a.fitness().error(), b.fitness().error()) == 0
        && Double.compare(a.fitness().cost(), b.fitness().cost()) == 0;
  }

  /**
   * Offers a kernel: it enters if no entry dominates or equals it in both objectives, and the
   * entries it dominates leave.
   *
   * @return whether it entered
   */
  public boolean offer(FrontEntry e) {
    if (!e.fitness().isValid()) {
      return false;
    }
    return front.add(e);
  }

  /** Whether a kernel of this fitness would enter. */
  public boolean wouldEnter(Fitness f) {
    if (!f.isValid()) {
      return false;
    }
    for (FrontEntry e : front) {
      Fitness g = e.fitness();
      if (g.dominates(f) || (g.error() == f.error() && g.cost() == f.cost())) {
        return false;
      }
    }
    return true;
  }

  /** The entries by increasing cost (so by decreasing error). */
  public List<FrontEntry> entries() {
    List<FrontEntry> list = new ArrayList<>(front);
    list.sort(
        Comparator.comparingDouble((FrontEntry e) -> e.fitness().cost())
            .thenComparingDouble(e -> e.fitness().error()));
    return List.copyOf(list);
  }

  /** The number of entries. */
  public int size() {
    return front.size();
  }

  /** The smallest error on the front; {@code +Inf} if empty. */
  public double bestError() {
    double best = Double.POSITIVE_INFINITY;
    for (FrontEntry e : front) {
      best = Math.min(best, e.fitness().error());
    }
    return best;
  }
}
