package numevo.dsl.compile;

import java.util.List;
import numevo.dsl.program.Instr;
import numevo.dsl.program.Operand;
import numevo.dsl.program.Operand.FloatLit;
import numevo.dsl.program.Operand.I32Lit;
import numevo.dsl.program.Operand.IntLit;
import numevo.dsl.program.Operand.Ref;
import numevo.dsl.program.Program;

/**
 * Which {@code f} values of a float32 kernel are provably finite (so never NaN): a bound on the
 * magnitude of each value, from literals and {@code itof} results ({@code |v| <= 2^31}) through
 * add, sub, mul, fma, neg, abs, min, max, select, rint and floor. Inputs, {@code frombits}, div,
 * sqrt and the float64 functions are unknown. The compiler uses it to emit {@code bits} of a finite
 * value as the raw code ({@link Float#floatToRawIntBits}), without the NaN select.
 *
 * <p>Each bound covers the exact result of its op on operands within their bounds, times {@code 1 +
 * 2^-20} for the rounding of the result (at most {@code 1 + 2^-24}); a bound above {@code 2^120}
 * counts as unknown, so a bounded value is always far from overflow.
 */
final class FiniteBounds {
  private FiniteBounds() {}

  private static final double LIMIT = 0x1p120;
  private static final double ROUNDING = 1 + 0x1p-20;

  /** One bound per value of {@code p}: NaN where the value may be infinite or NaN. */
  static double[] of(Program p) {
    int k = p.inputs().size();
    double[] bound = new double[p.valueCount()];
    for (int v = 0; v < k; v++) {
      bound[v] = Double.NaN;
    }
    List<Instr> body = p.body();
    for (int i = 0; i < body.size(); i++) {
      Instr ins = body.get(i);
      List<Operand> a = ins.args();
      double b =
          switch (ins.op()) {
            case FADD, FSUB -> of(bound, a.get(0)) + of(bound, a.get(1));
            case FMUL -> of(bound, a.get(0)) * of(bound, a.get(1));
            case FFMA -> of(bound, a.get(0)) * of(bound, a.get(1)) + of(bound, a.get(2));
            case FNEG, FABS -> of(bound, a.get(0));
            case FMIN, FMAX -> Math.max(of(bound, a.get(0)), of(bound, a.get(1)));
            case FSELECT -> Math.max(of(bound, a.get(1)), of(bound, a.get(2)));
            case FRINT, FFLOOR -> of(bound, a.get(0)) + 1;
            case ITOF -> 0x1p31;
            case FDIV, FSQRT, FEXP, FLOG, FSIN, FCOS, FTANH, FPOW, FROMBITS -> Double.NaN;
            case FLT,
                FLE,
                FEQ,
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
                BITS,
                ZADD,
                ZSUB,
                ZMUL,
                ZNEG,
                ZDIV,
                ZLT,
                ZLE,
                ZEQ,
                ZSELECT,
                TOINT ->
                Double.NaN; // not an f value
          };
      b *= ROUNDING;
      bound[k + i] = b <= LIMIT ? b : Double.NaN; // NaN compares false: stays unknown
    }
    return bound;
  }

  private static double of(double[] bound, Operand o) {
    return switch (o) {
      case Ref r -> bound[r.index()];
      case FloatLit l -> Double.isFinite(l.value()) ? Math.abs(l.value()) : Double.NaN;
      case I32Lit l -> Double.NaN;
      case IntLit l -> Double.NaN;
    };
  }
}
