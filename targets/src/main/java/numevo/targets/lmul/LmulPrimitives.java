package numevo.targets.lmul;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import numevo.dsl.program.Op;
import numevo.dsl.program.Program;

/**
 * The operations an L-Mul kernel may use: i32 add, sub, shifts, bitwise and, or, xor, comparisons
 * and select; no multiplication and no float arithmetic. The exact-product baseline lies outside
 * the set on purpose: it is the reference point, not a competitor.
 */
public final class LmulPrimitives {
  private LmulPrimitives() {}

  /** The allowed ops. */
  public static final Set<Op> OPS =
      Set.copyOf(
          EnumSet.of(
              Op.IADD,
              Op.ISUB,
              Op.ISHL,
              Op.ISHR,
              Op.IUSHR,
              Op.IAND,
              Op.IOR,
              Op.IXOR,
              Op.ILT,
              Op.ILE,
              Op.IEQ,
              Op.ISELECT));

  /**
   * The distinct ops of the live instructions of {@code kernel} that are not in {@link #OPS}, in
   * declaration order; empty if the kernel keeps to the set.
   */
  public static List<Op> violations(Program kernel) {
    EnumSet<Op> outside = EnumSet.noneOf(Op.class);
    boolean[] live = kernel.liveValues();
    int k = kernel.inputs().size();
    for (int i = 0; i < kernel.body().size(); i++) {
      Op op = kernel.body().get(i).op();
      if (live[k + i] && !OPS.contains(op)) {
        outside.add(op);
      }
    }
    return List.copyOf(outside);
  }

  /** Number of live instructions: the op count, dead code excluded. */
  public static int liveOps(Program kernel) {
    boolean[] live = kernel.liveValues();
    int k = kernel.inputs().size();
    int n = 0;
    for (int i = 0; i < kernel.body().size(); i++) {
      n += live[k + i] ? 1 : 0;
    }
    return n;
  }
}
