package numevo.evolver.fitness;

/**
 * What a search optimizes, all objectives minimized. Each objective supplies the {@link Ranking}
 * the Jenetics engine uses; every mode also keeps the run's Pareto front of (error, cost).
 */
public sealed interface Objective {

  /** The Jenetics ranking of this objective. */
  Ranking<?> ranking();

  /** Both objectives, error and cost, with NSGA-II style selection. */
  record Pareto() implements Objective {
    @Override
    public Ranking<?> ranking() {
      return ParetoRanking.INSTANCE;
    }
  }

  /**
   * The cheapest kernel whose error is at most {@code maxError}.
   *
   * @param maxError the error bound, {@code >= 0}
   */
  record CheapestUnder(double maxError) implements Objective {
    /**
     * @throws IllegalArgumentException if the bound is negative or NaN
     */
    public CheapestUnder {
      if (!(maxError >= 0)) {
        throw new IllegalArgumentException("maxError must be >= 0: " + maxError);
      }
    }

    @Override
    public Ranking<?> ranking() {
      return ConstrainedRanking.cheapestUnder(maxError);
    }
  }

  /**
   * The kernel of smallest error whose cost is at most {@code maxCost}.
   *
   * @param maxCost the cost bound, {@code >= 0}
   */
  record SmallestErrorUnder(double maxCost) implements Objective {
    /**
     * @throws IllegalArgumentException if the bound is negative or NaN
     */
    public SmallestErrorUnder {
      if (!(maxCost >= 0)) {
        throw new IllegalArgumentException("maxCost must be >= 0: " + maxCost);
      }
    }

    @Override
    public Ranking<?> ranking() {
      return ConstrainedRanking.smallestErrorUnder(maxCost);
    }
  }

  /** Multi-objective: the Pareto front of error and cost. */
  static Objective pareto() {
    return new Pareto();
  }

  /** The cheapest kernel with error at most {@code maxError}. */
  static Objective cheapestUnder(double maxError) {
    return new CheapestUnder(maxError);
  }

  /** The kernel of smallest error with cost at most {@code maxCost}. */
  static Objective smallestErrorUnder(double maxCost) {
    return new SmallestErrorUnder(maxCost);
  }
}
