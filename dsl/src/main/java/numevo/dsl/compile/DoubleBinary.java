package numevo.dsl.compile;

import numevo.dsl.eval.EvaluationException;

/**
 * A compiled kernel in a format other than float32 (float64, float16, bfloat16, FP8) with two
 * {@code f} inputs and one {@code f} output. Values are carried as doubles, as in {@link
 * numevo.dsl.eval.Batch}: inputs are first rounded to the format, and every result is a value of
 * the format.
 */
public interface DoubleBinary extends CompiledKernel {

  /**
   * The kernel at one point.
   *
   * @param x any double; rounded to the format first
   * @param y any double; rounded to the format first
   * @throws EvaluationException if the evaluation is invalid (only for programs with {@code int}
   *     values)
   */
  double apply(double x, double y);

  /**
   * {@code rs[i] = apply(xs[i], ys[i])} for {@code i < n}; the arrays may alias.
   *
   * @throws IndexOutOfBoundsException if {@code n < 0} or {@code n} exceeds an array's length
   *     (before anything is written)
   * @throws EvaluationException if the evaluation of some point is invalid
   */
  void apply(double[] xs, double[] ys, double[] rs, int n);
}
