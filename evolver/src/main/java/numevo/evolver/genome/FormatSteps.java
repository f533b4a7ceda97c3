package numevo.evolver.genome;

import numevo.dsl.format.NumberFormat;

/**
 * Steps through the finite values of a number format in order: the neighbours of a literal, for
 * ULP-sized edits and for hill climbing on constants.
 */
public final class FormatSteps {
  private FormatSteps() {}

  /**
   * The value {@code steps} places after {@code v} among the finite values of {@code format} in
   * increasing order (before it if {@code steps} is negative). Both zeros count as one place; the
   * walk stops at {@code ±maxFinite}.
   *
   * @param format the format, never null
   * @param v a finite value of {@code format}
   * @param steps how many places to move; any long
   * @return a finite value of {@code format}
   * @throws IllegalArgumentException if {@code v} is not finite
   */
  public static double step(NumberFormat format, double v, long steps) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("no neighbours of a non-finite value: " + v);
    }
    long max = ordinal(format, format.maxFinite());
    long target = ordinal(format, v);
    // Saturating add, then clamp to the finite range.
    long sum = target + steps;
    if (((target ^ sum) & (steps ^ sum)) < 0) {
      sum = steps > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
    }
    sum = Math.max(-max, Math.min(max, sum));
    return value(format, sum);
  }

  /**
   * The signed position of a finite value among the format's values: 0 for both zeros, {@code +j}
   * for the j-th positive value, {@code -j} for its negation.
   */
  public static long ordinal(NumberFormat format, double v) {
    long code = format.bitsOf(v);
    long sign = 1L << (format.bits() - 1);
    long magnitude = code & ~sign & format.codeMask();
    return (code & sign) != 0 ? -magnitude : magnitude;
  }

  /** The finite value at an ordinal (inverse of {@link #ordinal}). */
  static double value(NumberFormat format, long ordinal) {
    long sign = 1L << (format.bits() - 1);
    long code = ordinal >= 0 ? ordinal : sign | -ordinal;
    return format.decode(code);
  }
}
