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
    m.put(Op.FADD, 3.0);
    m.put(Op.FSUB, 3.0);
    m.put(Op.FMUL, 3.0);
    m.put(Op.FFMA, 4.0);
    m.put(Op.FDIV, div);
    m.put(Op.FSQRT, sqrt);
    m.put(Op.FNEG, 1.0);
    m.put(Op.FABS, 1.0);
    m.put(Op.FMIN, 1.0);
    m.put(Op.FMAX, 1.0);
    m.put(Op.FRINT, 3.0);
    m.put(Op.FFLOOR, 3.0);
    m.put(Op.FLT, 1.0);
    m.put(Op.FLE, 1.0);
    m.put(Op.FEQ, 1.0);
    m.put(Op.FSELECT, 1.0);
    m.put(Op.TOI, 3.0);
    m.put(Op.TRUNC, 3.0);
    m.put(Op.ITOF, 3.0);
    m.put(Op.BITS, 0.0);
    m.put(Op.FROMBITS, 0.0);
    for (Op op :
        new Op[] {
          Op.IADD,
          Op.ISUB,
          Op.INEG,
          Op.ISHL,
          Op.ISHR,
          Op.IUSHR,
          Op.IAND,
          Op.IOR,
          Op.IXOR,
          Op.ILT,
          Op.ILE,
          Op.IEQ,
          Op.ISELECT
        }) {
      m.put(op, 1.0);
    }
    m.put(Op.IMUL, 3.0);
    return m;
  }
}
