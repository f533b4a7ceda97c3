package numevo.targets.lmul;

/**
 * What the correctly rounded product of an operand pair is, decided from the operands and their
 * exact product alone (never from a kernel). The categories are exclusive and cover every pair; the
 * first that applies, in declaration order, wins.
 */
public enum ProductCategory {
  /** An operand is NaN, or one is infinite and the other zero: the product is NaN. */
  NAN_OPERAND("nan_operand"),
  /** An operand is infinite and the other is nonzero and not NaN: the product is a signed Inf. */
  INF_OPERAND("inf_operand"),
  /** An operand is zero and the other finite: the product is a signed zero. */
  ZERO_OPERAND("zero_operand"),
  /**
   * Both operands finite and nonzero, the product rounds beyond the largest finite value: Inf, or
   * NaN in a format without Inf (e4m3fn), unless the reference saturates.
   */
  OVERFLOW("overflow"),
  /** Both operands finite and nonzero, the product rounds to a signed zero. */
  UNDERFLOW("underflow"),
  /** Both operands finite and nonzero, the product rounds to a nonzero subnormal value. */
  SUBNORMAL("subnormal"),
  /** Both operands finite and nonzero, the product rounds to a normal finite value. */
  NORMAL("normal");

  private final String key;

  ProductCategory(String key) {
    this.key = key;
  }

  /** The lower-case name used in reports and JSON. */
  public String key() {
    return key;
  }

  /** Whether the correctly rounded product is finite and nonzero (the relative-error domain). */
  public boolean finiteNonzero() {
    return this == SUBNORMAL || this == NORMAL;
  }
}
