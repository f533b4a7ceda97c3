package numevo.evolver.tune;

/**
 * The local tuning of constants: which candidates, how often, how much effort.
 *
 * @param every tune every this many generations; 0 disables tuning
 * @param perIsland candidates tuned per island each time, {@code >= 0}
 * @param cmaEvaluations the most scorings of the CMA-ES phase per candidate, {@code >= 0}
 * @param cmaPopulation CMA-ES population size, {@code >= 2}
 * @param sigma the initial CMA-ES step, relative to each constant's magnitude, {@code > 0}
 * @param climbEvaluations the most scorings of the ULP hill climb per candidate, {@code >= 0}
 * @param refineSteps the most linearized minimax steps ({@link MinimaxRefiner}) between CMA-ES and
 *     the hill climb, where the scorer has per-point residuals; each costs one scoring per constant
 *     plus two, {@code >= 0}
 * @param intClimbEvaluations the most scorings of the integer hill climb per candidate, over its
 *     i32 and int literals (steps of 1, 2, 4... and single-bit flips), {@code >= 0}
 */
public record TuningConfig(
    int every,
    int perIsland,
    int cmaEvaluations,
    int cmaPopulation,
    double sigma,
    int climbEvaluations,
    int refineSteps,
    int intClimbEvaluations) {

  /**
   * Every 2 generations, 2 candidates per island, 150 CMA-ES scorings of population 12 from a
   * relative step of 0.3, up to 6 minimax steps, then 200 hill-climb scorings; no integer climb
   * (searches whose kernels compute with integers turn it on, see {@code TargetSearches.tuning}).
   */
  public static final TuningConfig DEFAULT = new TuningConfig(2, 2, 150, 12, 0.3, 200, 6, 0);

  /** No tuning. */
  public static final TuningConfig OFF = new TuningConfig(0, 0, 0, 2, 0.05, 0, 0, 0);

  /**
   * @throws IllegalArgumentException if a bound is violated
   */
  public TuningConfig {
    if (every < 0
        || perIsland < 0
        || cmaEvaluations < 0
        || climbEvaluations < 0
        || refineSteps < 0
        || intClimbEvaluations < 0) {
      throw new IllegalArgumentException("negative tuning setting");
    }
    if (cmaPopulation < 2) {
      throw new IllegalArgumentException("cmaPopulation must be >= 2: " + cmaPopulation);
    }
    if (!(sigma > 0) || Double.isInfinite(sigma)) {
      throw new IllegalArgumentException("sigma must be finite and > 0: " + sigma);
    }
  }

  /** See the record's components. */
  public static TuningConfig of(
      int every,
      int perIsland,
      int cmaEvaluations,
      int cmaPopulation,
      double sigma,
      int climbEvaluations,
      int refineSteps,
      int intClimbEvaluations) {
    return new TuningConfig(
        every,
        perIsland,
        cmaEvaluations,
        cmaPopulation,
        sigma,
        climbEvaluations,
        refineSteps,
        intClimbEvaluations);
  }

  /** See the record's components; no integer climb. */
  public static TuningConfig of(
      int every,
      int perIsland,
      int cmaEvaluations,
      int cmaPopulation,
      double sigma,
      int climbEvaluations,
      int refineSteps) {
    return of(
        every, perIsland, cmaEvaluations, cmaPopulation, sigma, climbEvaluations, refineSteps, 0);
  }

  /** This configuration with another integer-climb budget. */
  public TuningConfig withIntClimbEvaluations(int n) {
    return of(
        every, perIsland, cmaEvaluations, cmaPopulation, sigma, climbEvaluations, refineSteps, n);
  }

  /** See the record's components; no minimax refinement, no integer climb. */
  public static TuningConfig of(
      int every,
      int perIsland,
      int cmaEvaluations,
      int cmaPopulation,
      double sigma,
      int climbEvaluations) {
    return of(every, perIsland, cmaEvaluations, cmaPopulation, sigma, climbEvaluations, 0);
  }

  /** Whether any tuning happens. */
  public boolean enabled() {
    return every > 0
        && perIsland > 0
        && (cmaEvaluations > 0
            || climbEvaluations > 0
            || refineSteps > 0
            || intClimbEvaluations > 0);
  }
}
