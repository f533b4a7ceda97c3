package numevo.targets.lmul;

import java.util.EnumMap;
import java.util.Map;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Op;
import numevo.targets.CostModel;

/** The energy model of the L-Mul targets: an estimate per operation, not a measurement. */
public final class LmulCosts {
  private LmulCosts() {}

  /**
   * Energy per op in pJ at 45 nm after M. Horowitz, "Computing's energy problem (and what we can do
   * about it)", ISSCC 2014, as quoted in {@code ../shared/reference/lmul.md}:
   *
   * <ul>
   *   <li>i32 add, sub, lt, le, eq: 0.1 pJ, the 32-bit integer add (a comparison is a subtraction).
   *       The kernels compute in i32, so the 32-bit figure is charged even where an 8-bit datapath
   *       would do (8-bit add: 0.03 pJ).
   *   <li>i32 and, or, xor, shl, shr, ushr, select, neg: 0.1 pJ. Not in the table; assumed no
   *       costlier than a 32-bit adder, so the figure is an upper bound.
   *   <li>i32 mul: 3.1 pJ, the 32-bit integer multiply.
   *   <li>float mul: 3.7 pJ in float32, 1.1 pJ in 16-bit formats (the 16-bit float multiply), 0.2
   *       pJ in 8-bit formats. The table has no FP8 multiplier; an FP8 significand product (at most
   *       4 x 4 bits) is smaller than an 8-bit integer multiply, whose 0.2 pJ is charged.
   *   <li>bits, frombits: 0 pJ, a reinterpretation of the same register.
   *   <li>any other op: 3.7 pJ, the largest figure of the table (no estimate; charged high).
   * </ul>
   *
   * @param format the format of the kernels (it sets the float multiply's cost)
   */
  public static CostModel horowitz45nm(NumberFormat format) {
    Map<Op, Double> pj = new EnumMap<>(Op.class);
    for (Op op : Op.values()) {
      Double c =
          switch (op) {
            case IADD, ISUB, ILT, ILE, IEQ -> 0.1;
            case IAND, IOR, IXOR, ISHL, ISHR, IUSHR, ISELECT, INEG -> 0.1;
            case IMUL -> 3.1;
            case FMUL -> format.bits() >= 32 ? 3.7 : format.bits() >= 16 ? 1.1 : 0.2;
            case BITS, FROMBITS -> 0.0;
            case FADD,
                FSUB,
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
                TOI,
                TRUNC,
                ITOF,
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
                null; // the model's other cost
          };
      if (c != null) {
        pj.put(op, c);
      }
    }
    return new CostModel(
        "energy",
        "horowitz45nm-energy",
        "pJ",
        "Horowitz, ISSCC 2014, 45 nm (via lmul.md): 32-bit int add 0.1 pJ for every i32 op"
            + " (logic, shifts and select assumed no costlier), 32-bit int mul 3.1 pJ, float mul"
            + " 3.7 pJ (32-bit) / 1.1 pJ (16-bit) / 0.2 pJ (8-bit: the 8-bit int mul figure),"
            + " bits and frombits free, other ops 3.7 pJ",
        pj,
        3.7);
  }
}
