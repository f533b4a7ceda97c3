package numevo.dsl.compile;

import numevo.dsl.eval.Batch;
import numevo.dsl.eval.EvaluationException;
import numevo.dsl.program.Program;

/**
 * A program compiled to JVM bytecode by {@link KernelCompiler}. It computes bit for bit what {@link
 * numevo.dsl.eval.Interpreter} computes, and throws {@link EvaluationException} exactly when the
 * interpreter would.
 *
 * <p>Kernels with one of the common port shapes also implement a specialized interface with
 * primitive per-point and array methods: {@link Float32Unary}, {@link Float32Binary}, {@link
 * DoubleUnary}, {@link DoubleBinary}, {@link NarrowUnary}, {@link NarrowBinary}, {@link I32Binary}.
 *
 * <p>Compiled kernels hold no mutable state: they are thread-safe. A kernel's class is a hidden
 * class that the JVM unloads once the kernel is unreachable.
 */
public interface CompiledKernel {

  /** The program compiled. */
  Program program();

  /**
   * Evaluates points {@code 0 .. n-1} of {@code in} into {@code out}, with the contract of {@link
   * numevo.dsl.eval.ColumnarEvaluator#evaluate}: {@code f} inputs are rounded to the format first;
   * {@code int} outputs that fit 64 bits have a null overlay entry. Allocates nothing unless a
   * point leaves the 64-bit fast path of {@code int} values.
   *
   * @param in input columns shaped like the program's inputs
   * @param out output columns shaped like the program's outputs
   * @param n number of points, in {@code [0, capacity]} of both batches
   * @throws EvaluationException if the evaluation of some point is invalid (then {@code out} holds
   *     the results of some of the points)
   * @throws IllegalArgumentException if a batch does not match the program's ports or {@code n} is
   *     out of range
   */
  void evaluate(Batch in, Batch out, int n);

  /**
   * Evaluates the program on one input tuple, boxed as {@link
   * numevo.dsl.eval.Interpreter#eval(Object...)} takes and returns it. A convenience: allocates.
   *
   * @param inputs one value per input
   * @return one value per output
   * @throws EvaluationException if the evaluation is invalid
   * @throws IllegalArgumentException if the number of inputs is wrong
   */
  Object[] eval(Object... inputs);
}
