package numevo.dsl.compile;

import numevo.dsl.eval.EvaluationException;

/**
 * A compiled kernel in a format narrower than float32 (float16, bfloat16, FP8) with one {@code f}
 * input and one {@code f} output: the double methods of {@link DoubleUnary}, and the same kernel
 * over floats (every value of these formats is a float), for callers that keep such values in
 * {@code float[]} as hand-written Java does. A float input is first rounded to the format, once;
 * every result is a value of the format.
 */
public interface NarrowUnary extends DoubleUnary {

  /**
   * The kernel at one point, over floats.
   *
   * @param x any float; rounded to the format first
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
