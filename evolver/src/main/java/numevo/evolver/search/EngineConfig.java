package numevo.evolver.search;

/**
 * The Jenetics engine of each island.
 *
 * @param populationSize individuals per island, {@code >= 2}
 * @param offspringFraction the fraction of each generation made of altered offspring (the rest are
 *     survivors), in {@code [0, 1]}
 * @param mutationProbability the chance that an offspring is mutated, in {@code [0, 1]}
 * @param crossoverProbability the chance that an offspring is crossed with a random mate, in {@code
 *     [0, 1]}
 * @param tournamentSize the tournament size of the single-objective selectors, {@code >= 2}
 * @param maxPhenotypeAge the most generations an individual lives before a random one replaces it,
 *     {@code >= 1}
 */
public record EngineConfig(
    int populationSize,
    double offspringFraction,
    double mutationProbability,
    double crossoverProbability,
    int tournamentSize,
    long maxPhenotypeAge) {

  /** 100 per island, 60% offspring, mutation 0.9, crossover 0.2, tournaments of 3, age 50. */
  public static final EngineConfig DEFAULT = new EngineConfig(100, 0.6, 0.9, 0.2, 3, 50);

  /**
   * @throws IllegalArgumentException if a bound is violated
   */
  public EngineConfig {
    if (populationSize < 2) {
      throw new IllegalArgumentException("populationSize must be >= 2: " + populationSize);
    }
    checkProbability("offspringFraction", offspringFraction);
    checkProbability("mutationProbability", mutationProbability);
    checkProbability("crossoverProbability", crossoverProbability);
    if (tournamentSize < 2) {
      throw new IllegalArgumentException("tournamentSize must be >= 2: " + tournamentSize);
    }
    if (maxPhenotypeAge < 1) {
      throw new IllegalArgumentException("maxPhenotypeAge must be >= 1: " + maxPhenotypeAge);
    }
  }

  private static void checkProbability(String name, double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1]: " + p);
    }
  }

  /** See the record's components. */
  public static EngineConfig of(
      int populationSize,
      double offspringFraction,
      double mutationProbability,
      double crossoverProbability,
      int tournamentSize,
      long maxPhenotypeAge) {
    return new EngineConfig(
        populationSize,
        offspringFraction,
        mutationProbability,
        crossoverProbability,
        tournamentSize,
        maxPhenotypeAge);
  }

  /** This configuration with another population size. */
  public EngineConfig withPopulationSize(int size) {
    return new EngineConfig(
        size,
        offspringFraction,
        mutationProbability,
        crossoverProbability,
        tournamentSize,
        maxPhenotypeAge);
  }
}
