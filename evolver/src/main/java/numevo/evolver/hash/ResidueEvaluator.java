package numevo.evolver.hash;

import java.util.Arrays;
import java.util.List;
import numevo.dsl.program.Instr;
import numevo.dsl.program.Op;
import numevo.dsl.program.Operand;
import numevo.dsl.program.Operand.IntLit;
import numevo.dsl.program.Operand.Ref;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;
import numevo.evolver.genome.Kernels;
import numevo.hashing.ModP;

/**
 * Evaluates exact-integer kernels modulo the prime {@link ModP#P}: every value is a residue, so
 * nothing overflows and a kernel of any degree costs a few machine instructions per op and point.
 * Applies to kernels whose live code is {@code int} ring arithmetic only ({@code add}, {@code sub},
 * {@code mul}, {@code neg}, {@code div}) with {@code int} outputs; see {@link #supports}.
 *
 * <p>A {@code div} is a multiplication by the inverse of the divisor's residue. Where the exact
 * division is exact this is the residue of the exact quotient; where it is not (the exact
 * evaluation would be invalid) it is still a residue, so kernels equal as rational functions get
 * equal results. A divisor whose residue is 0 makes the point invalid.
 *
 * <p>Not thread-safe (scratch columns are reused).
 */
final class ResidueEvaluator {
  private final Program program;
  private final int inputs;
  private final long[][] values;
  private final long[][] literals = new long[2][];
  private int capacity;

  private ResidueEvaluator(Program program) {
    this.program = program;
    this.inputs = program.inputs().size();
    this.values = new long[program.valueCount()][];
  }

  /**
   * Whether the live code of {@code p} is {@code int} ring arithmetic with {@code int} outputs, so
   * that {@link #of} evaluates it.
   */
  static boolean supports(Program p) {
    Program live = Kernels.stripDead(p);
    for (Instr ins : live.body()) {
      if (!ins.op().isIntRingOrDiv()) {
        return false;
      }
    }
    return live.outputTypes().stream().allMatch(t -> t == Type.INT);
  }

  /**
   * Whether {@code live} (dead code stripped by the caller) is made of {@code add}, {@code sub},
   * {@code mul} and {@code neg} only: an integer polynomial, whose residues at random points tell
   * it from any other polynomial, and whose exact evaluation is valid everywhere (no division whose
   * exactness depends on the data). The search caches only such recurrences.
   */
  static boolean isPolynomial(Program live) {
    for (Instr ins : live.body()) {
      if (!ins.op().isIntRingOrDiv() || ins.op() == Op.ZDIV) {
        return false;
      }
    }
    return live.outputTypes().stream().allMatch(t -> t == Type.INT);
  }

  /**
   * An evaluator of the live code of {@code p}.
   *
   * @throws IllegalArgumentException if {@code p} is not {@linkplain #supports supported}
   */
  static ResidueEvaluator of(Program p) {
    if (!supports(p)) {
      throw new IllegalArgumentException(
          "kernel '"
              + p.name()
              + "' is not int ring arithmetic (add, sub, mul, neg, div) with int outputs");
    }
    return new ResidueEvaluator(Kernels.stripDead(p));
  }

  /** The live code evaluated. */
  Program program() {
    return program;
  }

  /**
   * Evaluates points {@code 0 .. n-1}.
   *
   * @param in one column of residues per input; columns of inputs that are not {@code int} are not
   *     read and may be null
   * @param out one column per output, receiving residues
   * @param invalid set to true at each point where a divisor's residue is 0 (other entries are left
   *     as they are); outputs there are meaningless
   * @param n the number of points
   */
  void evaluate(long[][] in, long[][] out, boolean[] invalid, int n) {
    List<Instr> body = program.body();
    if (capacity < n) {
      for (int v = inputs; v < values.length; v++) {
        values[v] = new long[n];
      }
      literals[0] = new long[n];
      literals[1] = new long[n];
      capacity = n;
    }
    for (int v = 0; v < inputs; v++) {
      values[v] = in[v];
    }
    for (int k = 0; k < body.size(); k++) {
      Instr ins = body.get(k);
      long[] r = values[inputs + k];
      long[] a = column(ins.args().get(0), n, 0);
      switch (ins.op()) {
        // case null: a switch statement javac checks for exhaustiveness (JLS 14.11.2)
        case null -> throw new NullPointerException();
        case ZNEG -> {
          for (int i = 0; i < n; i++) {
            r[i] = ModP.neg(a[i]);
          }
        }
        case ZADD, ZSUB, ZMUL, ZDIV -> {
          long[] b = column(ins.args().get(1), n, 1);
          binary(ins.op(), a, b, r, invalid, n);
        }
        case FADD,
            FSUB,
            FMUL,
            FDIV,
            FFMA,
            FNEG,
            FABS,
            FMIN,
            FMAX,
            FSQRT,
            FRINT,
            FFLOOR,
            FLT,
            FLE,
            FEQ,
            FSELECT,
            FEXP,
            FLOG,
            FSIN,
            FCOS,
            FTANH,
            FPOW,
            IADD,
            ISUB,
            IMUL,
            INEG,
            ISHL,
            ISHR,
            IUSHR,
            IAND,
            IOR,
            IXOR,
            ILT,
            ILE,
            IEQ,
            ISELECT,
            TOI,
            TRUNC,
            ITOF,
            BITS,
            FROMBITS,
            ZLT,
            ZLE,
            ZEQ,
            ZSELECT,
            TOINT ->
            throw new AssertionError("not ring arithmetic: " + ins.op());
      }
    }
    for (int j = 0; j < out.length; j++) {
      System.arraycopy(values[program.outputs().get(j).index()], 0, out[j], 0, n);
    }
  }

  /**
   * Evaluates the probes of a hashing batch: its {@code int} input columns in, the program's
   * outputs into the batch's first output columns.
   *
   * @return for each probe, whether a divisor's residue was 0 there (outputs there are meaningless)
   */
  boolean[] evaluate(numevo.hashing.Batch b) {
    int n = b.size();
    List<Type> in = program.inputTypes();
    long[][] inputs = new long[in.size()][];
    for (int p = 0; p < inputs.length; p++) {
      if (in.get(p) == Type.INT) {
        inputs[p] = b.intInput(p);
      }
    }
    long[][] out = new long[program.outputs().size()][];
    for (int j = 0; j < out.length; j++) {
      out[j] = b.output(j);
    }
    boolean[] invalid = new boolean[n];
    evaluate(inputs, out, invalid, n);
    return invalid;
  }

  private static void binary(Op op, long[] a, long[] b, long[] r, boolean[] invalid, int n) {
    switch (op) {
      // case null: a switch statement javac checks for exhaustiveness (JLS 14.11.2)
      case null -> throw new NullPointerException();
      case ZADD -> {
        for (int i = 0; i < n; i++) {
          r[i] = ModP.add(a[i], b[i]);
        }
      }
      case ZSUB -> {
        for (int i = 0; i < n; i++) {
          r[i] = ModP.sub(a[i], b[i]);
        }
      }
      case ZMUL -> {
        for (int i = 0; i < n; i++) {
          r[i] = ModP.mul(a[i], b[i]);
        }
      }
      case ZDIV -> {
        for (int i = 0; i < n; i++) {
          if (b[i] == 0) {
            invalid[i] = true;
            r[i] = 0;
          } else {
            r[i] = ModP.mul(a[i], ModP.inverse(b[i]));
          }
        }
      }
      case FADD,
          FSUB,
          FMUL,
          FDIV,
          FFMA,
          FNEG,
          FABS,
          FMIN,
          FMAX,
          FSQRT,
          FRINT,
          FFLOOR,
          FLT,
          FLE,
          FEQ,
          FSELECT,
          FEXP,
          FLOG,
          FSIN,
          FCOS,
          FTANH,
          FPOW,
          IADD,
          ISUB,
          IMUL,
          INEG,
          ISHL,
          ISHR,
          IUSHR,
          IAND,
          IOR,
          IXOR,
          ILT,
          ILE,
          IEQ,
          ISELECT,
          TOI,
          TRUNC,
          ITOF,
          BITS,
          FROMBITS,
          ZNEG,
          ZLT,
          ZLE,
          ZEQ,
          ZSELECT,
          TOINT ->
          throw new AssertionError(op);
    }
  }

  /** The column of an operand: a value's, or a literal's residue repeated (in a scratch column). */
  private long[] column(Operand o, int n, int slot) {
    return switch (o) {
      case Ref r -> values[r.index()];
      case IntLit l -> {
        long[] c = literals[slot];
        Arrays.fill(c, 0, n, Columns.residue(l.value()));
        yield c;
      }
      default -> throw new AssertionError("not an int operand: " + o);
    };
  }
}
