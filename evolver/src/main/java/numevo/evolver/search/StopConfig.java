package numevo.evolver.search;

import java.time.Duration;
import java.util.Objects;

/**
 * When a search stops: at the first generation barrier where any limit is reached. Generation,
 * evaluation and error limits give reproducible stops; the time limit does not.
 *
 * @param generations stop after this many generations; 0 for no limit
 * @param evaluations stop once this many full scorings were made; 0 for no limit
 * @param time stop once this much time has passed; {@link Duration#ZERO} for no limit
 * @param targetError stop once the front has a kernel with error at most this; {@code -Inf} for
 *     none
 */
public record StopConfig(long generations, long evaluations, Duration time, double targetError) {

  /**
   * @throws IllegalArgumentException if a limit is negative, or none of generations, evaluations
   *     and time is set (the search would never stop for sure)
   */
  public StopConfig {
    Objects.requireNonNull(time, "time");
    if (generations < 0 || evaluations < 0 || time.isNegative()) {
      throw new IllegalArgumentException("negative limit");
    }
    if (generations == 0 && evaluations == 0 && time.isZero()) {
      throw new IllegalArgumentException("need a generation, evaluation or time limit");
    }
    if (Double.isNaN(targetError)) {
      throw new IllegalArgumentException("targetError is NaN");
    }
  }

  /** Stop after {@code n} generations. */
  public static StopConfig generations(long n) {
    return new StopConfig(n, 0, Duration.ZERO, Double.NEGATIVE_INFINITY);
  }

  /** Stop after {@code d}. */
  public static StopConfig time(Duration d) {
    return new StopConfig(0, 0, d, Double.NEGATIVE_INFINITY);
  }

  /** This configuration also stopping once an error of at most {@code e} is found. */
  public StopConfig withTargetError(double e) {
    return new StopConfig(generations, evaluations, time, e);
  }

  /** This configuration also stopping after {@code n} evaluations. */
  public StopConfig withEvaluations(long n) {
    return new StopConfig(generations, n, time, targetError);
  }
}
