package numevo.targets;

import java.util.OptionalDouble;
import numevo.dsl.eval.Batch;
import numevo.dsl.program.Program;

/**
 * Scores kernels on one fixed sample of a target's domain, whose reference values were computed
 * once. Made for a search's inner loop: reusable, no allocation per point. Not thread-safe: use one
 * per thread (a target hands out as many as asked, sharing the immutable sample).
 */
public interface Scorer {

  /** The target scored against. */
  Target target();

  /** Number of points in the sample. */
  int points();

  /**
   * The key of the metric its scores minimize ({@link Score#objective()}): by default the target's
   * objective; a target may give a search a smoother training loss.
   */
  default String objective() {
    return target().objective();
  }

  /**
   * What the sample is, in words for a user, e.g. {@code "1,024 points of the training sample (seed
   * 1)"} or {@code "all 65,536 pairs"}. By default the point count.
   */
  default String description() {
    return String.format(java.util.Locale.ROOT, "%,d point%s", points(), points() == 1 ? "" : "s");
  }

  /**
   * The sample's inputs, shaped like the target's signature, {@link #points()} per column. Callers
   * that evaluate kernels themselves (a compiled kernel) read them and must not modify them.
   */
  Batch inputs();

  /**
   * Evaluates {@code p} on the sample (columnar evaluator) and scores its outputs.
   *
   * @param p a kernel fitting the target's signature
   * @throws TargetException if it does not fit
   */
  Score score(Program p);

  /**
   * The objective of {@code p} on the sample, {@code score(p).error()}: what a search minimizes,
   * called once per candidate. A scorer may compute it without building the whole {@link Score}
   * (float scorers do); the value is the same, bit for bit.
   *
   * @param p a kernel fitting the target's signature
   * @throws TargetException if it does not fit
   */
  default double error(Program p) {
    return score(p).error();
  }

  /**
   * One metric of {@code p} on the sample, {@code score(p).value(key)}. A scorer may compute it
   * without building the whole {@link Score} (float scorers do for the ULP and relative error
   * metrics); the value is the same, bit for bit.
   *
   * @param p a kernel fitting the target's signature
   * @param key a metric key, e.g. {@link Metric#MEAN_ULP}
   * @return its value, or empty if this target's scores have no such metric
   * @throws TargetException if {@code p} does not fit
   */
  default OptionalDouble value(Program p, String key) {
    return score(p).value(key);
  }

  /**
   * Scores outputs computed elsewhere (for example by a compiled kernel) from {@link #inputs()}.
   *
   * @param p the kernel that computed them, for its op count and cost
   * @param outputs output columns shaped like the target's signature, at least {@link #points()}
   *     points each
   * @throws TargetException if {@code p} does not fit the target's signature
   */
  Score score(Program p, Batch outputs);

  /**
   * The signed error of {@code p} at each sample point, in the units of the target's objective
   * (ULPs for {@code max_ulp}, relative error for {@code max_rel_err}): {@code out[i] = (y_i -
   * exact_i) / unit_i}. Lets a tuner fit constants to the whole error curve rather than to its
   * maximum only. A point where the kernel gets a special value exactly right (an infinity, NaN)
   * counts as 0; one it gets wrong makes the call return false.
   *
   * @param p a kernel fitting the target's signature
   * @param out at least {@link #points()} long; filled on success
   * @return false if this target has no signed per-point error, or {@code p} is not finite and
   *     right at every point
   * @throws TargetException if {@code p} does not fit
   * @throws numevo.dsl.eval.EvaluationException if its evaluation is invalid
   */
  default boolean residuals(Program p, double[] out) {
    return false;
  }

  /**
   * The size of one rounding error of the target's output format in the units of {@link
   * #residuals}: 1 for ULP errors, the format's unit roundoff for relative errors. A tuner treats
   * residual changes of this size as noise. NaN when there are no residuals.
   */
  default double residualResolution() {
    return Double.NaN;
  }
}
