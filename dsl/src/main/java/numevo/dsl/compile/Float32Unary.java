package numevo.dsl.compile;

import numevo.dsl.eval.EvaluationException;

/**
 * A compiled float32 kernel with one {@code f} input and one {@code f} output.
 *
 * <p>The array method is one tight loop with the program's code inline in its body, so that the JIT
 * can unroll and vectorize it.
 */
public interface Float32Unary extends CompiledKernel {

  /**
   * The kernel at one point.
   *
   * @throws EvaluationException if the evaluation is invalid (only for programs with {@code int}
   *     values)
   */
  float apply(float x);

  /**
   * {@code ys[i] = apply(xs[i])} for {@code i < n}; {@code xs} and {@code ys} may be the same
   * array.
   *
   * @throws IndexOutOfBoundsException if {@code n < 0} or {@code n} exceeds an array's length
   *     (before anything is written)
   * @throws EvaluationException if the evaluation of some point is invalid
   */
  void apply(float[] xs, float[] ys, int n);
}
