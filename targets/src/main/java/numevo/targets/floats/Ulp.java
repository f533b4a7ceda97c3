package numevo.targets.floats;

import numevo.dsl.format.NumberFormat;

/**
 * The ULP convention every float target uses (exp.md's): the error of a result y in ULPs is {@code
 * |y - exact| / ulp(exact)}, where {@code exact} is the real value of the function and {@code
 * ulp(exact)} the gap between the two values of the target format around it: {@code 2^(k - p)} for
 * {@code 2^k <= |exact| < 2^(k+1)} with p the format's mantissa bits, and {@code 2^(minExponent -
 * p)} below the smallest normal (2^-149 for float32). Above the largest finite value the binades
 * continue ({@code 2^(k-p)}). The binade is that of the exact value, not of its rounding: 1 - 2^-30
 * has the ULP 2^-24 in float32, though it rounds to 1.
 *
 * <p>Special values: a result equal to the correctly rounded one has the error given by the formula
 * when both are finite and 0 otherwise (an overflow to +inf, a NaN for a NaN); any other result
 * where the result or the exact value is not finite (NaN or infinite) has an infinite error. The
 * sign of a zero result is not checked. Relative error {@code |y - exact| / |exact|} follows the
 * same rules; it is infinite for a nonzero result where the exact value is 0.
 */
public final class Ulp {
  private Ulp() {}

  /**
   * The exponent of the ULP of a value {@code hi + lo} in {@code format}.
   *
   * @param hi the leading part of the exact value (any double)
   * @param lo the trailing part; it decides the binade when hi is a power of two
   * @param format the target format
   * @return {@code e} with ulp = 2^e
   */
  public static int exponent(double hi, double lo, NumberFormat format) {
    return binade(hi, lo, format.minExponent()) - format.mantissaBits();
  }

  /** The ULP of an exact double value in {@code format}, per the convention above. */
  public static double of(double exact, NumberFormat format) {
    return Math.scalb(1.0, exponent(exact, 0, format));
  }

  /**
   * The error of {@code result} in ULPs of {@code exact} (a plain, slow statement of the
   * convention, for tests and single points).
   *
   * @param result a value of the target format
   * @param exact the exact value, to double precision
   * @param correctlyRounded the correctly rounded result
   * @param format the target format
   */
  public static double error(
      double result, double exact, double correctlyRounded, NumberFormat format) {
    return error(result, exact, 0, correctlyRounded, format);
  }

  /**
   * Like {@link #error(double, double, double, NumberFormat)} with the exact value as a
   * double-double {@code hi + lo}, whose {@code lo} decides the binade when hi is a power of two.
   */
  public static double error(
      double result, double hi, double lo, double correctlyRounded, NumberFormat format) {
    boolean same =
        result == correctlyRounded || (Double.isNaN(result) && Double.isNaN(correctlyRounded));
    if (Double.isFinite(result) && Double.isFinite(hi)) {
      return Math.abs((result - hi) - lo) / Math.scalb(1.0, exponent(hi, lo, format));
    }
    return same ? 0 : Double.POSITIVE_INFINITY;
  }

  /** The binary exponent of |hi + lo|, at least {@code minExponent}. */
  static int binade(double hi, double lo, int minExponent) {
    if (hi == 0 || !Double.isFinite(hi)) {
      return minExponent;
    }
    double a = Math.abs(hi);
    int e = Math.getExponent(a);
    if (e < Double.MIN_EXPONENT) {
      return minExponent; // a subnormal double is below every format's smallest normal
    }
    if (lo != 0 && (lo < 0) != (hi < 0) && Math.scalb(a, -e) == 1.0) {
      e--; // just below a power of two
    }
    return Math.max(e, minExponent);
  }
}
