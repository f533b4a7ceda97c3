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
}
