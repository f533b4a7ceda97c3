package numevo.targets;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The result of scoring one kernel on one target. Immutable.
 *
 * @param target the target's name, never null
 * @param method exhaustive or sampled, never null
 * @param points the number of points evaluated, at least 0
 * @param seed the seed of the sample; empty for exhaustive scores
 * @param objective the key of the metric a search minimizes (e.g. {@link Metric#MAX_ULP}); never
 *     null, and one of {@code metrics}
 * @param metrics the measurements, in report order (copied); keys are distinct
 * @param ops the kernel's op count as the target's cost model counts it
 * @param cost the kernel's cost under the target's cost model
 * @param failure why scoring stopped early or rejected the kernel unevaluated (e.g. a sequence
 *     kernel whose values could outgrow the growth bound), for the user; empty if it did not
 */
public record Score(
    String target,
    Method method,
    long points,
    OptionalLong seed,
    String objective,
    List<Metric> metrics,
    int ops,
    double cost,
    Optional<String> failure) {

  /** A score without a failure. */
  public Score(
      String target,
      Method method,
      long points,
      OptionalLong seed,
      String objective,
      List<Metric> metrics,
      int ops,
      double cost) {
    this(target, method, points, seed, objective, metrics, ops, cost, Optional.empty());
  }

  public Score {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(failure, "failure");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(seed, "seed");
    Objects.requireNonNull(objective, "objective");
    metrics = List.copyOf(metrics);
    if (points < 0) {
      throw new IllegalArgumentException("negative point count " + points);
    }
    // Plain loops: a search builds many scores per second.
    boolean hasObjective = false;
    for (int i = 0; i < metrics.size(); i++) {
      String k = metrics.get(i).key();
      hasObjective |= k.equals(objective);
      for (int j = 0; j < i; j++) {
        if (metrics.get(j).key().equals(k)) {
          throw new IllegalArgumentException("duplicate metric key " + k);
        }
      }
    }
    if (!hasObjective) {
      throw new IllegalArgumentException("objective " + objective + " is not among the metrics");
    }
  }

  /** The metric with the given key, if the score has it. */
  public Optional<Metric> metric(String key) {
    for (Metric m : metrics) {
      if (m.key().equals(key)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /** The value of the metric with the given key, if the score has it. */
  public OptionalDouble value(String key) {
    for (Metric m : metrics) {
      if (m.key().equals(key)) {
        return OptionalDouble.of(m.value());
      }
    }
    return OptionalDouble.empty();
  }

  /** The value of the objective metric: what a search minimizes (lower is better). */
  public double error() {
    return value(objective).orElseThrow();
  }
}
