package numevo.dsl.compile;

import numevo.dsl.eval.EvaluationException;

/**
 * A compiled kernel in a format other than float32 (float64, float16, bfloat16, FP8) with one
 * {@code f} input and one {@code f} output. Values are carried as doubles, as in {@link
 * numevo.dsl.eval.Batch}: an input is first rounded to the format, and every result is a value of
 * the format.
 */
public interface DoubleUnary extends CompiledKernel {

  /**
   * The kernel at one point.
   *
   * @param x any double; rounded to the format first
   * @throws EvaluationException if the evaluation is invalid (only for programs with {@code int}
   *     values)
   */
  double apply(double x);

  /**
   * {@code ys[i] = apply(xs[i])} for {@code i < n}; {@code xs} and {@code ys} may be the same
   * array.
   *
   * @throws IndexOutOfBoundsException if {@code n < 0} or {@code n} exceeds an array's length
   *     (before anything is written)
   * @throws EvaluationException if the evaluation of some point is invalid
   */
  void apply(double[] xs, double[] ys, int n);
}
