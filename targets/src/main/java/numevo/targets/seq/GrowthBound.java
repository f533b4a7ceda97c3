package numevo.targets.seq;

import numevo.dsl.program.Instr;
import numevo.dsl.program.Operand;
import numevo.dsl.program.Operand.IntLit;
import numevo.dsl.program.Operand.Ref;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;

/**
 * A sound upper bound on the bit length of every {@code int} value of a kernel, from bounds on its
 * inputs, computed without running it. In {@link java.math.BigInteger#bitLength()} terms (a value
 * of bit length {@code L} lies in {@code [-2^L, 2^L)}): add and sub give at most one bit more than
 * the larger operand, mul the sum of the operands' bits plus one, neg and an exact div one bit more
 * than their (first) operand (for {@code -(-2^L)}), select the larger of its operands, {@code
 * toint} 32 bits, a literal its own length. i32 and f values have fixed width and are not tracked.
 */
final class GrowthBound {
  private GrowthBound() {}

  /**
   * The largest bit length any {@code int} value of {@code kernel} can reach, or {@code
   * Long.MAX_VALUE} once it passes {@code cap} (the bound then grows no further, so a chain of
   * squarings cannot overflow the computation).
   *
   * @param kernel the kernel
   * @param inputBits a bound on each input's bit length, by input position
   * @param cap where to stop counting
   */
  static long maxBits(Program kernel, long[] inputBits, long cap) {
    int k = kernel.inputs().size();
    long[] bits = new long[kernel.valueCount()];
    long max = 0;
    for (int i = 0; i < k; i++) {
      bits[i] = inputBits[i];
      max = Math.max(max, bits[i]);
    }
    for (int i = 0; i < kernel.body().size(); i++) {
      Instr ins = kernel.body().get(i);
      if (ins.op().result() != Type.INT) {
        continue;
      }
      long b =
          switch (ins.op()) {
            case ZADD, ZSUB -> Math.max(of(bits, ins, 0), of(bits, ins, 1)) + 1;
            case ZMUL -> of(bits, ins, 0) + of(bits, ins, 1) + 1;
            case ZNEG, ZDIV -> of(bits, ins, 0) + 1;
            case ZSELECT -> Math.max(of(bits, ins, 1), of(bits, ins, 2));
            case TOINT -> 32;
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
                ZEQ ->
                throw new AssertionError("unexpected int op " + ins.op());
          };
      if (b > cap) {
        return Long.MAX_VALUE;
      }
      bits[k + i] = b;
      max = Math.max(max, b);
    }
    return max;
  }

  private static long of(long[] bits, Instr ins, int a) {
    Operand o = ins.args().get(a);
    return switch (o) {
      case Ref r -> bits[r.index()];
      case IntLit l -> l.value().bitLength();
      default -> 32; // an i32 operand: never of an int op, but harmless
    };
  }
}
