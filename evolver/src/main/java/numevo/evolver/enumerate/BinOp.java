package numevo.evolver.enumerate;

import numevo.dsl.program.Op;

/** The binary float ops a skeleton is made of, with the DSL op each one is. */
public enum BinOp {
  ADD(Op.FADD, true),
  SUB(Op.FSUB, false),
  MUL(Op.FMUL, true),
  DIV(Op.FDIV, false);

  private final Op op;
  private final boolean commutative;

  BinOp(Op op, boolean commutative) {
    this.op = op;
    this.commutative = commutative;
  }

  /** The DSL op. */
  public Op op() {
    return op;
  }

  /** Whether {@code a op b == b op a}. */
  public boolean commutative() {
    return commutative;
  }

  /** {@code a op b} in binary64. */
  public double apply(double a, double b) {
    return switch (this) {
      case ADD -> a + b;
      case SUB -> a - b;
      case MUL -> a * b;
      case DIV -> a / b;
    };
  }

  /** The binary op that is {@code op}, or null if {@code op} is none of them. */
  public static BinOp of(Op op) {
    for (BinOp b : values()) {
      if (b.op == op) {
        return b;
      }
    }
    return null;
  }
}
