package numevo.dsl.compile;

import numevo.dsl.eval.EvaluationException;

/**
 * A compiled kernel, of any format, with two {@code i32} inputs and one {@code i32} output: for
 * instance an L-Mul style kernel that takes two FP8 codes and returns the code of their product.
 */
public interface I32Binary extends CompiledKernel {

  /**
   * The kernel at one point.
   *
   * @throws EvaluationException if the evaluation is invalid (only for programs with {@code int}
   *     values)
   */
  int apply(int a, int b);

  /**
   * {@code rs[i] = apply(as[i], bs[i])} for {@code i < n}; the arrays may alias.
   *
   * @throws IndexOutOfBoundsException if {@code n < 0} or {@code n} exceeds an array's length
   *     (before anything is written)
   * @throws EvaluationException if the evaluation of some point is invalid
   */
  void apply(int[] as, int[] bs, int[] rs, int n);
}
