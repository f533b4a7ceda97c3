package numevo.hashing;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongUnaryOperator;

/**
 * Anything that computes a function of a {@link Signature}: an interpreted program, a compiled
 * class, a lambda. It is called with a {@link Batch} of input columns and fills the output columns,
 * all points at once, so that implementations can run tight loops over primitive arrays.
 *
 * <p>Implementations must be deterministic: the same inputs give the same outputs bits.
 */
@FunctionalInterface
public interface Evaluator {

  /**
   * Computes the function at every point of {@code batch}.
   *
   * @param batch the input columns to read and the output columns to fill; valid only during the
   *     call
   * @return true if every output was written; false if the function is invalid on these points
   *     (e.g. an exact-integer program divides inexactly), in which case it gets no hash
   */
  boolean evaluate(Batch batch);

  /**
   * A function of one float input to one float output, from a scalar lambda. The argument is a
   * value of the input's format; the result is encoded to the output's format, so a lambda that
   * computes in {@code float} is exact binary32: {@code x -> (float) x * (float) x}.
   *
   * @param f the function; non-null; must not allocate per call if hashing speed matters
   */
  static Evaluator unary(DoubleUnaryOperator f) {
    return b -> {
      double[] x = b.floatInput(0);
      double[] y = b.floatOutput(0);
      for (int i = 0; i < y.length; i++) {
        y[i] = f.applyAsDouble(x[i]);
      }
      return true;
    };
  }

  /**
   * A function of two float inputs to one float output, from a scalar lambda; see {@link
   * #unary(DoubleUnaryOperator)}.
   */
  static Evaluator binary(DoubleBinaryOperator f) {
    return b -> {
      double[] x = b.floatInput(0);
      double[] z = b.floatInput(1);
      double[] y = b.floatOutput(0);
      for (int i = 0; i < y.length; i++) {
        y[i] = f.applyAsDouble(x[i], z[i]);
      }
      return true;
    };
  }

  /**
   * A function of one {@link Kind#INT} input to one {@link Kind#INT} output, from a scalar lambda
   * over residues modulo {@link ModP#P} (use {@link ModP}'s arithmetic). The result is reduced
   * modulo {@code P}.
   */
  static Evaluator integer(LongUnaryOperator f) {
    return b -> {
      long[] n = b.intInput(0);
      long[] y = b.output(0);
      for (int i = 0; i < y.length; i++) {
        y[i] = f.applyAsLong(n[i]);
      }
      return true;
    };
  }
}
