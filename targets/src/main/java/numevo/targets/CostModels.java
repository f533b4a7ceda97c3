package numevo.targets;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Op;

/**
 * The cost models a user chooses ({@code --cost latency|ops|throughput|measured}) and those of the
 * built-in targets.
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
 *
 * <p>{@link #zen3Throughput32()} and {@link #zen3Throughput64()}: the reciprocal throughput of the
 * packed 256-bit (AVX2, YMM) instruction of each op in a vectorized loop, per element, from the
 * same model: an instruction's {@code ReleaseAtCycles} divided by the number of pipes of its
 * resource group, divided by the lanes of a YMM register (8 for float32 and the narrow formats,
 * which compute in float32 lanes, and for i32; 4 for float64). The model's entries (cycles per YMM
 * instruction): {@code WriteFAddY} [Zn3FPFAdd01] 1/2 = 0.5 (add, sub); {@code WriteFMulY}, {@code
 * WriteFMAY} [Zn3FPFMul01] 0.5; {@code WriteFDivY} [Zn3FPFDiv, one pipe] 3, {@code WriteFDiv64Y} 5;
 * {@code WriteFSqrtY} 5, {@code WriteFSqrt64Y} 9; {@code WriteFCmpY} (compares, min, max)
 * [Zn3FPFMul01] 0.5; {@code WriteFLogicY} (neg and abs as xor/and with a sign mask)
 * [Zn3FPVMisc0123] 0.25; {@code WriteFRndY} (rint, floor) [Zn3FPFCvt01] 0.5; {@code
 * WriteFVarBlendY} (select) [Zn3FPFMul01] 0.5; {@code WriteCvtPS2IY} and {@code WriteCvtI2PSY}
 * (toi, trunc, itof) [Zn3FPFCvt01] 0.5, float64 {@code WriteCvtPD2IY} and {@code WriteCvtI2PDY}
 * [Zn3FPFCvt01, 2 cycles] 1; {@code WriteVecALUY} (i32 add, sub, neg, compares) [Zn3FPVAdd0123]
 * 0.25; {@code WriteVecLogicY} (and, or, xor) [Zn3FPVMisc0123] 0.25; {@code WriteVarVecShiftY}
 * (shifts) [Zn3FPVShift01] 0.5; {@code WritePMULLDY} (i32 mul) [Zn3FPVMul01] 0.5; i32 select as
 * {@code vpblendvb}, {@code WriteVarBlend} [Zn3FPVMul01] 0.5. {@code bits} and {@code frombits} 0;
 * any other op 1 cycle per element. Summing reciprocal throughputs assumes the ops of a kernel do
 * not overlap on different pipes: an upper bound of a loop's cycles per element where the
 * instructions, not the loads and stores, are the bottleneck.
 *
 * <p>{@link #ops()}: one per live instruction (AutoNumerics-Zero's count).
 */
public final class CostModels {
  private CostModels() {}

  /** The choices of {@code --cost}, the default first. */
  public static final List<String> CHOICES = List.of("latency", "ops", "throughput", "measured");

  /** The choice whose cost is measured on the final front (the search runs under latency). */
  public static final String MEASURED = "measured";

  private static final String SOURCE =
      "AMD Zen 3 latency (cycles) of the packed instruction, LLVM X86ScheduleZnver3.td";

  private static final String THROUGHPUT_SOURCE =
      "AMD Zen 3 reciprocal throughput of the packed 256-bit (AVX2) instruction per element, LLVM"
          + " X86ScheduleZnver3.td (ReleaseAtCycles / pipes / lanes)";

  /** Latency costs of float32 kernels on Zen 3. */
  public static CostModel zen3Latency32() {
    return new CostModel("latency", "zen3-latency", "cycles", SOURCE, table(11, 15), 1);
  }

  /** Latency costs of float64 kernels on Zen 3. */
  public static CostModel zen3Latency64() {
    return new CostModel("latency", "zen3-latency", "cycles", SOURCE, table(13, 21), 1);
  }

  /** Reciprocal-throughput costs per element of float32 (and narrower) kernels on Zen 3. */
  public static CostModel zen3Throughput32() {
    return new CostModel(
        "throughput",
        "zen3-throughput",
        "cycles per element",
        THROUGHPUT_SOURCE,
        throughputTable(3, 5, 0.5, 8),
        1);
  }

  /** Reciprocal-throughput costs per element of float64 kernels on Zen 3. */
  public static CostModel zen3Throughput64() {
    return new CostModel(
        "throughput",
        "zen3-throughput",
        "cycles per element",
        THROUGHPUT_SOURCE,
        throughputTable(5, 9, 1, 4),
        1);
  }

  /** One per live instruction: {@link CostModel#UNIT}. */
  public static CostModel ops() {
    return CostModel.UNIT;
  }

  /**
   * The model a search ranks by and a score reports for a {@code --cost} choice: the target's own
   * model for null or the target's own kind (so a run recorded without a choice is searched as
   * before: latency for the float targets, energy for L-Mul, ops for seq); Zen 3 latency or
   * throughput for the target's format; the op count; for {@code measured}, the target's own model
   * (the measurement is made apart, on the final front).
   *
   * @throws IllegalArgumentException (one line) for an unknown choice
   */
  public static CostModel of(String choice, Target target) {
    CostModel own = target.costModel();
    if (choice == null || choice.equals(own.kind()) || choice.equals(MEASURED)) {
      return own;
    }
    boolean f64 = target.signature().format() == NumberFormat.FLOAT64;
    return switch (choice) {
      case "latency" -> f64 ? zen3Latency64() : zen3Latency32();
      case "throughput" -> f64 ? zen3Throughput64() : zen3Throughput32();
      case "ops" -> ops();
      default ->
          throw new IllegalArgumentException(
              "unknown cost model '" + choice + "'; use " + String.join(", ", CHOICES));
    };
  }

  /** The kind a run records for a choice: the choice, or for null the target's own kind. */
  public static String kind(String choice, Target target) {
    of(choice, target);
    return choice != null ? choice : target.costModel().kind();
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

  /**
   * Cycles per YMM instruction divided by the lanes.
   *
   * @param div float division, cycles per instruction
   * @param sqrt float square root, cycles per instruction
   * @param cvt float/int conversions, cycles per instruction
   * @param lanes elements per YMM register
   */
  private static Map<Op, Double> throughputTable(double div, double sqrt, double cvt, int lanes) {
    Map<Op, Double> m = new EnumMap<>(Op.class);
    for (Op op : Op.values()) {
      Double c = zen3Throughput(op, div, sqrt, cvt, lanes);
      if (c != null) {
        m.put(op, c);
      }
    }
    return m;
  }

  /**
   * The Zen 3 reciprocal throughput per element of {@code op} (see the class), or null for the ops
   * not in the model. i32 ops have 8 lanes per YMM register whatever the float format.
   */
  private static Double zen3Throughput(Op op, double div, double sqrt, double cvt, int lanes) {
    return switch (op) {
      case FADD, FSUB, FMUL, FFMA, FMIN, FMAX, FRINT, FFLOOR, FLT, FLE, FEQ, FSELECT -> 0.5 / lanes;
      case FDIV -> div / lanes;
      case FSQRT -> sqrt / lanes;
      case FNEG, FABS -> 0.25 / lanes;
      case TOI, TRUNC, ITOF -> cvt / lanes;
      case BITS, FROMBITS -> 0.0;
      case IADD, ISUB, INEG, ILT, ILE, IEQ, IAND, IOR, IXOR -> 0.25 / 8;
      case ISHL, ISHR, IUSHR, ISELECT, IMUL -> 0.5 / 8;
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
