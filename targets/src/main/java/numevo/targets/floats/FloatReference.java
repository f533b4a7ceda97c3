package numevo.targets.floats;

import numevo.dsl.format.NumberFormat;

/**
 * The exact reference of a float target: what the kernel's result is compared with. Immutable and
 * thread-safe; the {@link Evaluator}s it makes are not (one per thread).
 */
public interface FloatReference {

  /** One line: what the reference computes and how exact it is. */
  String describe();

  /** The format the correctly rounded results are in. */
  NumberFormat format();

  /**
   * An evaluator for columns of up to {@code capacity} points.
   *
   * @param capacity at least 1
   */
  Evaluator evaluator(int capacity);

  /** Computes reference columns. Not thread-safe. */
  interface Evaluator {
    /**
     * Fills points {@code [0, n)} of {@code out} with the reference at {@code x[0 .. n)}.
     *
     * @param x the inputs (values of the target format)
     * @param n the number of points, at most the capacity
     * @param out receives the reference values
     */
    void compute(double[] x, int n, ReferenceColumns out);

    /** How many points so far needed the exact (slow) fallback. */
    long fallbacks();
  }
}
