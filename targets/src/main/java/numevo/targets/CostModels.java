package numevo.targets;

import java.util.EnumMap;
import java.util.Map;
import numevo.dsl.program.Op;

/**
 * The cost models of the built-in targets.
 *
 * <p>{@link #zen3Latency32()} and {@link #zen3Latency64()}: the latency in cycles of the packed
 * (vectorized, as the columnar evaluator and compiled loops run) SSE/AVX instruction of each op on
 * AMD Zen 3, the core of the machine numevo is measured on, from LLVM's Zen 3 scheduling model
 * ({@code llvm/lib/Target/X86/X86ScheduleZnver3.td}, itself from AMD's Software Optimization Guide
 * for Family 19h and llvm-exegesis measurements): float add/sub 3, mul 3, fma 4, div 11 (float64
 * 13), sqrt 15 (float64 21), compare and min/max 1, sign ops (neg, abs) 1, round (rint, floor) 3,
 * variable blend (select) 1, float/int conversions 3, vector integer add/sub/logic/compare/shift 1,
 * integer multiply (pmulld) 3. {@code bits} and {@code frombits} reinterpret a vector register and
 * cost 0. The sum of latencies over a kernel's ops is a proxy that ignores instruction-level
 * parallelism; it ranks a division or square root far above an fma, which is what matters.
 */
public final class CostModels {
  private CostModels() {}

  private static final String SOURCE =
      "AMD Zen 3 latency (cycles) of the packed instruction, LLVM X86ScheduleZnver3.td";

  /** Latency costs of float32 kernels on Zen 3. */
  public static CostModel zen3Latency32() {
    return new CostModel("zen3-latency", "cycles", SOURCE, table(11, 15), 1);
  }

  /** Latency costs of float64 kernels on Zen 3. */
  public static CostModel zen3Latency64() {
    return new CostModel("zen3-latency", "cycles", SOURCE, table(13, 21), 1);
  }

  private static Map<Op, Double> table(double div, double sqrt) {
    Map<Op, Double> m = new EnumMap<>(Op.class);
    for (Op op : Op.values()) {
      Double c = zen3(op, div, sqrt);
      if (c != null) {
        m.put(op, c);
      }
    }
    return m;
  }

  /**
   * The Zen 3 latency of {@code op} (see the class), or null for the ops not in the model (the
   * float64-only functions, which are library calls, and the ops of {@code int}).
   */
  private static Double zen3(Op op, double div, double sqrt) {
    return switch (op) {
      case FADD, FSUB, FMUL, FRINT, FFLOOR, TOI, TRUNC, ITOF, IMUL -> 3.0;
      case FFMA -> 4.0;
      case FDIV -> div;
      case FSQRT -> sqrt;
      case FNEG, FABS, FMIN, FMAX, FLT, FLE, FEQ, FSELECT -> 1.0;
      case IADD, ISUB, INEG, ISHL, ISHR, IUSHR, IAND, IOR, IXOR, ILT, ILE, IEQ, ISELECT -> 1.0;
      case BITS, FROMBITS -> 0.0;
      case FEXP,
          FLOG,
          FSIN,
          FCOS,
          FTANH,
          FPOW,
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
          null;
    };
  }
}
