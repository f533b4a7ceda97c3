package numevo.dsl.eval;

/** Bounds on exact {@code int} evaluation, so that no program can exhaust memory or time. */
public final class IntLimits {
  private IntLimits() {}

  /**
   * Largest magnitude of any {@code int} value during evaluation, in bits (about 19,700 decimal
   * digits). A value beyond it makes the evaluation invalid.
   */
  public static final int MAX_BITS = 1 << 16;
}
