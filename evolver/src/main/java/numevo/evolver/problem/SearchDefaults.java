package numevo.evolver.problem;

/**
 * What a search of a target uses unless the user says otherwise, chosen by the kind of its kernels
 * ({@link TargetSearches#defaults}).
 *
 * @param maxSize the most instructions of a kernel, {@code >= 1}
 * @param initialMaxSize the most instructions of a random first kernel, in {@code [1, maxSize]}
 * @param population individuals per island, {@code >= 2}
 * @param trainingPoints the training sample's size, {@code >= 1} (targets whose training set is
 *     fixed, like a sequence's terms, ignore it)
 * @param why one line saying which kind of target these defaults are for
 */
public record SearchDefaults(
    int maxSize, int initialMaxSize, int population, int trainingPoints, String why) {

  /**
   * Validates.
   *
   * @throws IllegalArgumentException if a bound is violated
   */
  public SearchDefaults {
    if (maxSize < 1 || initialMaxSize < 1 || initialMaxSize > maxSize) {
      throw new IllegalArgumentException(
          "need 1 <= initialMaxSize <= maxSize, got " + initialMaxSize + ", " + maxSize);
    }
    if (population < 2 || trainingPoints < 1) {
      throw new IllegalArgumentException("population must be >= 2 and trainingPoints >= 1");
    }
    java.util.Objects.requireNonNull(why, "why");
  }
}
