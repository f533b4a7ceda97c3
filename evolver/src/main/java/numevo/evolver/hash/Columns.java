package numevo.evolver.hash;

import java.math.BigInteger;
import java.util.List;
import numevo.dsl.eval.Batch;
import numevo.dsl.program.Type;
import numevo.hashing.ModP;

/**
 * Moves values between the hashing module's columns and the DSL's, by the conventions every adapter
 * of this package shares:
 *
 * <ul>
 *   <li>{@code f}: values of the kernel's format, both sides; outputs are written as values, which
 *       the hasher encodes (every NaN alike);
 *   <li>{@code i32}: ints, both sides;
 *   <li>{@code int}: a probe is a residue {@code r} modulo {@link ModP#P}; the kernel sees the
 *       integer of least magnitude with that residue ({@code r} or {@code r - P}), so the special
 *       residues {@code P - 1, P - 2} are {@code -1, -2}; an output is hashed as its residue. For
 *       ring operations the residue of the result does not depend on the lift, which is why
 *       evaluating modulo {@code P} and evaluating exactly give the same hash.
 * </ul>
 */
final class Columns {
  private Columns() {}

  private static final BigInteger BIG_P = BigInteger.valueOf(ModP.P);

  /** The integer of least magnitude whose residue is {@code r}, for {@code r} in {@code [0, P)}. */
  static long lift(long r) {
    return r > ModP.P / 2 ? r - ModP.P : r;
  }

  /** The residue of an exact integer. */
  static long residue(BigInteger v) {
    return v.bitLength() < 63 ? ModP.reduce(v.longValue()) : v.mod(BIG_P).longValue();
  }

  /** Copies the probe columns of {@code b} into the DSL input columns {@code in}. */
  static void copyInputs(numevo.hashing.Batch b, List<Type> types, Batch in) {
    int n = b.size();
    in.clearBig();
    for (int p = 0; p < types.size(); p++) {
      switch (types.get(p)) {
        case F -> System.arraycopy(b.floatInput(p), 0, in.f(p), 0, n);
        case I32 -> System.arraycopy(b.i32Input(p), 0, in.i32(p), 0, n);
        case INT -> {
          long[] r = b.intInput(p);
          long[] z = in.intSmall(p);
          for (int i = 0; i < n; i++) {
            z[i] = lift(r[i]);
          }
        }
      }
    }
  }

  /** Input tuple {@code i} of {@code b}, boxed as {@link numevo.dsl.eval.Interpreter} takes it. */
  static Object[] inputTuple(numevo.hashing.Batch b, List<Type> types, int i) {
    Object[] t = new Object[types.size()];
    for (int p = 0; p < t.length; p++) {
      t[p] =
          switch (types.get(p)) {
            case F -> b.floatInput(p)[i];
            case I32 -> b.i32Input(p)[i];
            case INT -> BigInteger.valueOf(lift(b.intInput(p)[i]));
          };
    }
    return t;
  }

  /**
   * The output columns of an evaluation, requested from the hashing batch once: {@code f} as
   * values, the others as words.
   */
  static final class Outputs {
    private final List<Type> types;
    private final double[][] values;
    private final long[][] words;

    Outputs(numevo.hashing.Batch b, List<Type> types) {
      this.types = types;
      this.values = new double[types.size()][];
      this.words = new long[types.size()][];
      for (int j = 0; j < types.size(); j++) {
        if (types.get(j) == Type.F) {
          values[j] = b.floatOutput(j);
        } else {
          words[j] = b.output(j);
        }
      }
    }

    /**
     * Sets output {@code j} at point {@code i} from a value boxed as the interpreter returns it.
     */
    void set(int j, int i, Object v) {
      switch (types.get(j)) {
        case F -> values[j][i] = (Double) v;
        case I32 -> words[j][i] = (Integer) v;
        case INT -> words[j][i] = residue((BigInteger) v);
      }
    }

    /** The word column of a non-{@code f} output, for writing residues or ints directly. */
    long[] words(int j) {
      return words[j];
    }

    /** Copies points {@code 0 .. n-1} of the DSL output columns {@code out}. */
    void copyFrom(Batch out, int n) {
      for (int j = 0; j < types.size(); j++) {
        switch (types.get(j)) {
          case F -> System.arraycopy(out.f(j), 0, values[j], 0, n);
          case I32 -> {
            int[] v = out.i32(j);
            long[] w = words[j];
            for (int i = 0; i < n; i++) {
              w[i] = v[i];
            }
          }
          case INT -> {
            long[] small = out.intSmall(j);
            BigInteger[] big = out.intBig(j);
            long[] w = words[j];
            for (int i = 0; i < n; i++) {
              w[i] = big[i] != null ? residue(big[i]) : ModP.reduce(small[i]);
            }
          }
        }
      }
    }
  }
}
