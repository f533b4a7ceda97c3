package numevo.dsl.compile;

import numevo.dsl.eval.EvaluationException;

/**
 * A compiled kernel in a format narrower than float32 (float16, bfloat16, FP8) with two {@code f}
 * inputs and one {@code f} output: the double methods of {@link DoubleBinary}, and the same kernel
 * over floats (every value of these formats is a float), for callers that keep such values in
 * {@code float[]} as hand-written Java does. Float inputs are first rounded to the format, once;
 * every result is a value of the format.
 */
public interface NarrowBinary extends DoubleBinary {

  /**
   * The kernel at one point, over floats.
   *
   * @param x any float; rounded to the format first
   * @param y any float; rounded to the format first
   * @throws EvaluationException if the evaluation is invalid (only for programs with {@code int}
   *     values)
   */
  float apply(float x, float y);

  /**
   * {@code rs[i] = apply(xs[i], ys[i])} for {@code i < n}; the arrays may alias.
   *
   * @throws IndexOutOfBoundsException if {@code n < 0} or {@code n} exceeds an array's length
   *     (before anything is written)
   * @throws EvaluationException if the evaluation of some point is invalid
   */
  void apply(float[] xs, float[] ys, float[] rs, int n);
}
