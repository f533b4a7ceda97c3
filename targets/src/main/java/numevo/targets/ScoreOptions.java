package numevo.targets;

import java.util.Objects;

/**
 * How to score: the method, and for sampled scores the sample's size, seed and split; for
 * exhaustive scores the number of threads. Immutable; change it with the {@code with...} methods.
 *
 * @param method exhaustive or sampled, never null
 * @param points the sample size, at least 1 (ignored when exhaustive)
 * @param seed the sample's seed (ignored when exhaustive)
 * @param split which sample, training or validation, never null (ignored when exhaustive)
 * @param threads worker threads for exhaustive scores, at least 1; results do not depend on it
 */
public record ScoreOptions(Method method, int points, long seed, Split split, int threads) {

  /** Default sample size of {@code numevo score}: large enough to find most bad regions. */
  public static final int DEFAULT_VALIDATION_POINTS = 100_000;

  /** Default training sample size, as AutoNumerics-Zero's constant tuning uses. */
  public static final int DEFAULT_TRAINING_POINTS = 1024;

  /** Default seed. */
  public static final long DEFAULT_SEED = 1L;

  public ScoreOptions {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(split, "split");
    if (points < 1) {
      throw new IllegalArgumentException("points must be at least 1, got " + points);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
  }

  /**
   * A sampled score on the validation split: {@value #DEFAULT_VALIDATION_POINTS} points, seed 1.
   */
  public static ScoreOptions of() {
    return new ScoreOptions(
        Method.SAMPLED,
        DEFAULT_VALIDATION_POINTS,
        DEFAULT_SEED,
        Split.VALIDATION,
        Runtime.getRuntime().availableProcessors());
  }

  /** The training sample of a search: {@code points} points drawn with {@code seed}. */
  public static ScoreOptions training(int points, long seed) {
    return of().withSplit(Split.TRAINING).withPoints(points).withSeed(seed);
  }

  /** An exhaustive score on all available processors. */
  public static ScoreOptions exhaustive() {
    return of().withMethod(Method.EXHAUSTIVE);
  }

  public ScoreOptions withMethod(Method m) {
    return new ScoreOptions(m, points, seed, split, threads);
  }

  public ScoreOptions withPoints(int n) {
    return new ScoreOptions(method, n, seed, split, threads);
  }

  public ScoreOptions withSeed(long s) {
    return new ScoreOptions(method, points, s, split, threads);
  }

  public ScoreOptions withSplit(Split s) {
    return new ScoreOptions(method, points, seed, s, threads);
  }

  public ScoreOptions withThreads(int t) {
    return new ScoreOptions(method, points, seed, split, t);
  }
}
