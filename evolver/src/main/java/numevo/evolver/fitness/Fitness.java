package numevo.evolver.fitness;

/**
 * The two objectives of a kernel, both minimized: its error on the target and its cost.
 *
 * @param error the error, {@code >= 0}; {@code +Inf} for an invalid kernel (its evaluation failed
 *     or gave NaN error)
 * @param cost the cost under the run's cost model, finite and {@code >= 0}
 */
public record Fitness(double error, double cost) {

  /**
   * Validates; a NaN error becomes {@code +Inf}.
   *
   * @throws IllegalArgumentException if the error is negative or the cost negative or not finite
   */
  public Fitness {
    if (Double.isNaN(error)) {
      error = Double.POSITIVE_INFINITY;
    }
    if (error < 0) {
      throw new IllegalArgumentException("negative error " + error);
    }
    if (!(cost >= 0) || Double.isInfinite(cost)) {
      throw new IllegalArgumentException("cost must be finite and >= 0: " + cost);
    }
  }

  /** See the record's components. */
  public static Fitness of(double error, double cost) {
    return new Fitness(error, cost);
  }

  /** The fitness of an invalid kernel of the given cost. */
  public static Fitness invalid(double cost) {
    return new Fitness(Double.POSITIVE_INFINITY, cost);
  }

  /** Whether the kernel was valid: a finite error. */
  public boolean isValid() {
    return error != Double.POSITIVE_INFINITY;
  }

  /** Whether this is at least as good in both objectives and better in one. */
  public boolean dominates(Fitness o) {
    return error <= o.error && cost <= o.cost && (error < o.error || cost < o.cost);
  }
}
