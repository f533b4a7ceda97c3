package numevo.targets;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import numevo.dsl.program.Instr;
import numevo.dsl.program.Op;
import numevo.dsl.program.Program;

/**
 * The ops a search may build kernels from, and whether it may use literals. A kernel scored by hand
 * may use other ops: the set constrains what a search generates, not what a target scores.
 *
 * @param ops the allowed ops (copied), non-empty
 * @param literals whether operands may be literals (tunable constants)
 */
public record PrimitiveSet(Set<Op> ops, boolean literals) {

  /** Float arithmetic as AutoNumerics-Zero uses it: add, sub, mul, div, fma, sqrt, and neg. */
  public static final Set<Op> FLOAT_ARITHMETIC =
      Set.copyOf(EnumSet.of(Op.FADD, Op.FSUB, Op.FMUL, Op.FDIV, Op.FFMA, Op.FSQRT, Op.FNEG));

  /**
   * Every float op valid in any format: arithmetic plus abs, min, max, rint, floor, compares,
   * select.
   */
  public static final Set<Op> FLOAT_ALL =
      Set.copyOf(
          EnumSet.of(
              Op.FADD,
              Op.FSUB,
              Op.FMUL,
              Op.FDIV,
              Op.FFMA,
              Op.FNEG,
              Op.FABS,
              Op.FMIN,
              Op.FMAX,
              Op.FSQRT,
              Op.FRINT,
              Op.FFLOOR,
              Op.FLT,
              Op.FLE,
              Op.FEQ,
              Op.FSELECT));

  /**
   * Ops on encodings for bit tricks (Schraudolph's exp, the rsqrt magic constant): conversions,
   * {@code bits}/{@code frombits}, and i32 arithmetic, logic, shifts, compares and select.
   */
  public static final Set<Op> BIT_TRICKS =
      Set.copyOf(
          EnumSet.of(
              Op.TOI,
              Op.TRUNC,
              Op.ITOF,
              Op.BITS,
              Op.FROMBITS,
              Op.IADD,
              Op.ISUB,
              Op.IMUL,
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
              Op.ISELECT));

  public PrimitiveSet {
    Objects.requireNonNull(ops, "ops");
    if (ops.isEmpty()) {
      throw new IllegalArgumentException("a primitive set needs at least one op");
    }
    ops = Set.copyOf(EnumSet.copyOf(ops));
  }

  /** The given ops, with literals allowed. */
  public static PrimitiveSet of(Collection<Op> ops) {
    return new PrimitiveSet(Set.copyOf(ops), true);
  }

  /** The union of op groups, with literals allowed. */
  @SafeVarargs
  public static PrimitiveSet union(Set<Op>... groups) {
    EnumSet<Op> all = EnumSet.noneOf(Op.class);
    for (Set<Op> g : groups) {
      all.addAll(g);
    }
    return of(all);
  }

  /** Whether the search may use {@code op}. */
  public boolean allows(Op op) {
    return ops.contains(op);
  }

  /** Whether every instruction of {@code p} uses an allowed op. */
  public boolean admits(Program p) {
    for (Instr i : p.body()) {
      if (!ops.contains(i.op())) {
        return false;
      }
    }
    return true;
  }

  /** This set with more ops. */
  public PrimitiveSet plus(Collection<Op> more) {
    EnumSet<Op> s = EnumSet.copyOf(ops);
    s.addAll(more);
    return new PrimitiveSet(s, literals);
  }

  /** This set without some ops. */
  public PrimitiveSet minus(Collection<Op> less) {
    EnumSet<Op> s = EnumSet.copyOf(ops);
    s.removeAll(less);
    return new PrimitiveSet(s, literals);
  }

  /** The ops in declaration order, as {@code mnemonic(result type)}, space separated. */
  @Override
  public String toString() {
    StringJoiner j = new StringJoiner(" ");
    EnumSet.copyOf(ops).forEach(op -> j.add(op.mnemonic() + "(" + op.result() + ")"));
    return j + (literals ? " + literals" : "");
  }
}
