package numevo.evolver.fitness;

import java.util.Objects;

/**
 * A constrained scalar fitness, compared lexicographically and minimized: first the violation of
 * the constraint (0 when met), then the primary objective, then the secondary one. Any kernel that
 * meets the constraint beats every kernel that does not.
 *
 * @param violation how far the constraint is missed, {@code >= 0}
 * @param primary the objective optimized under the constraint
 * @param secondary the tie-breaker
 * @param fitness the kernel's objectives, for reporting
 */
public record Constrained(double violation, double primary, double secondary, Fitness fitness)
    implements Comparable<Constrained> {

  /** Checks the fitness is present. */
  public Constrained {
    Objects.requireNonNull(fitness, "fitness");
  }

  @Override
  public int compareTo(Constrained o) {
    int c = Double.compare(violation, o.violation);
    if (c == 0) {
      c = Double.compare(primary, o.primary);
    }
    return c != 0 ? c : Double.compare(secondary, o.secondary);
  }
}
