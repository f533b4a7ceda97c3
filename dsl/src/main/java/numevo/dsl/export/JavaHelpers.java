package numevo.dsl.export;

import java.util.Locale;
import java.util.Set;
import numevo.dsl.eval.IntLimits;
import numevo.dsl.export.FormatKind.Specials;
import numevo.dsl.format.NumberFormat;

/**
 * The private static helpers an exported Java class carries: rounding to a narrow format, its
 * codes, its fma, and the checks of exact {@code int} arithmetic. They transcribe {@link
 * NumberFormat} and the interpreter, specialized to one format.
 */
final class JavaHelpers {
  private JavaHelpers() {}

  /** The helpers, in the order they are written. */
  enum Helper {
    /** {@code float round(double)}: to the narrow format, ties to even. */
    ROUND,
    /** {@code float decode(int)}: the value of the low bits as a code. */
    DECODE,
    /** {@code int bits(float)}: the code of a value, the canonical NaN for every NaN. */
    BITS,
    /** {@code float fma(float, float, float)}: a*b+c rounded once. */
    FMA,
    /** {@code BigInteger checkBits(BigInteger)}: the size limit of int values. */
    CHECK_BITS,
    /** {@code BigInteger exactDiv(BigInteger, BigInteger)}: exact int division. */
    EXACT_DIV;

    boolean narrow() {
      return this == ROUND || this == DECODE || this == BITS || this == FMA;
    }
  }

  /**
   * Appends the constants and the helpers in {@code needed}, each preceded by a blank line.
   *
   * @param needed the helpers the kernel calls; FMA implies ROUND
   */
  static void emit(Set<Helper> needed, NumberFormat f, StringBuilder out) {
    if (needed.stream().anyMatch(Helper::narrow)) {
      constants(f, out);
    }
    for (Helper h : Helper.values()) {
      if (needed.contains(h)) {
        out.append('\n').append(text(h, f));
      }
    }
    if (needed.contains(Helper.CHECK_BITS) || needed.contains(Helper.EXACT_DIV)) {
      out.append('\n')
          .append(
              """
                /** Thrown where numevo calls an evaluation invalid. */
                private static ArithmeticException invalid(String reason) {
                  return new ArithmeticException(reason);
                }
              """);
    }
  }

  private static void constants(NumberFormat f, StringBuilder out) {
    out.append('\n')
        .append(
            String.format(
                Locale.ROOT,
                """
                  // %s: %d exponent bits, %d mantissa bits, bias %d; %s.
                  private static final int MANTISSA_BITS = %d;
                  private static final int MANTISSA_MASK = 0x%x;
                  private static final int EXPONENT_MASK = 0x%x;
                  private static final int BIAS = %d;
                  private static final int MIN_EXPONENT = %d;
                  private static final int SIGN_BIT = 0x%x;
                  private static final int CODE_MASK = 0x%x;
                  private static final int CANONICAL_NAN = 0x%x;
                  private static final double MAX_FINITE = %s;
                """,
                f.formatName(),
                f.exponentBits(),
                f.mantissaBits(),
                f.bias(),
                describe(Specials.of(f)),
                f.mantissaBits(),
                (1 << f.mantissaBits()) - 1,
                (1 << f.exponentBits()) - 1,
                f.bias(),
                f.minExponent(),
                1 << (f.bits() - 1),
                f.codeMask(),
                f.canonicalNaN(),
                Double.toString(f.maxFinite())));
  }

  static String describe(Specials s) {
    return switch (s) {
      case IEEE -> "infinities and NaNs as in IEEE 754";
      case FN -> "no infinities, NaN is the all-ones code of either sign, overflow gives NaN";
      case FNUZ -> "no infinities, no negative zero, NaN is the code of -0, overflow gives NaN";
    };
  }

  private static String text(Helper h, NumberFormat f) {
    Specials s = Specials.of(f);
    String name = f.formatName();
    return switch (h) {
      case ROUND ->
          """
            /** x rounded to the nearest %1$s value, ties to even (a float holds it exactly). */
            private static float round(double x) {
              if (Double.isNaN(x)) {
                return Float.NaN;
              }
              double a = Math.abs(x);
              if (a == 0.0) {
                return %2$s
              }
              if (Double.isInfinite(a)) {
                return %3$s
              }
              // Scaling by a power of two is exact, and Math.rint rounds half to even.
              int e = Math.max(Math.getExponent(a), MIN_EXPONENT);
              double r = Math.scalb(Math.rint(Math.scalb(a, MANTISSA_BITS - e)), e - MANTISSA_BITS);
              if (r > MAX_FINITE) {
                return %4$s;
              }
          %5$s    return (float) Math.copySign(r, x);
            }
          """
              .formatted(
                  name,
                  s == Specials.FNUZ ? "0.0f; // no negative zero" : "(float) x;",
                  s == Specials.IEEE ? "(float) x;" : "Float.NaN; // no infinities",
                  s == Specials.IEEE
                      ? "x > 0 ? Float.POSITIVE_INFINITY : Float.NEGATIVE_INFINITY"
                      : "Float.NaN",
                  s == Specials.FNUZ
                      ? "    if (r == 0.0) {\n      return 0.0f; // no negative zero\n    }\n"
                      : "");
      case DECODE ->
          """
            /** The %1$s value of the low bits of code. */
            private static float decode(int code) {
              int c = code & CODE_MASK;
              int exponent = (c >>> MANTISSA_BITS) & EXPONENT_MASK;
              int mantissa = c & MANTISSA_MASK;
              if (%2$s) {
                return %3$s;
              }
              int significand = exponent == 0 ? mantissa : mantissa | (1 << MANTISSA_BITS);
              double magnitude =
                  Math.scalb((double) significand, Math.max(exponent, 1) - BIAS - MANTISSA_BITS);
              return (float) ((c & SIGN_BIT) != 0 ? -magnitude : magnitude);
            }
          """
              .formatted(
                  name,
                  switch (s) {
                    case IEEE -> "exponent == EXPONENT_MASK";
                    case FN -> "exponent == EXPONENT_MASK && mantissa == MANTISSA_MASK";
                    case FNUZ -> "c == SIGN_BIT";
                  },
                  s == Specials.IEEE
                      ? "mantissa != 0 ? Float.NaN : (c & SIGN_BIT) != 0 ? Float.NEGATIVE_INFINITY"
                          + " : Float.POSITIVE_INFINITY"
                      : "Float.NaN");
      case BITS ->
          """
            /** The %1$s code of v, a value of the format; every NaN gives the canonical NaN. */
            private static int bits(float v) {
              if (Float.isNaN(v)) {
                return CANONICAL_NAN;
              }
              int sign = Float.floatToRawIntBits(v) < 0%2$s ? SIGN_BIT : 0;
          %3$s    double a = Math.abs((double) v);
              int e = Math.max(Math.getExponent(a), MIN_EXPONENT);
              int significand = (int) Math.scalb(a, MANTISSA_BITS - e); // exact
              int exponent = significand <= MANTISSA_MASK ? 0 : e + BIAS; // subnormal or normal
              return sign | (exponent << MANTISSA_BITS) | (significand & MANTISSA_MASK);
            }
          """
              .formatted(
                  name,
                  s == Specials.FNUZ ? " && v != 0.0f" : "",
                  s == Specials.IEEE
                      ? "    if (Float.isInfinite(v)) {\n"
                          + "      return sign | (EXPONENT_MASK << MANTISSA_BITS);\n    }\n"
                      : "");
      case FMA ->
          """
            /**
             * a*b+c rounded once to %1$s. The product is exact in binary64; the sum is rounded to odd
             * (on inexact, the neighbour with an odd last bit), which keeps the final rounding correct.
             */
            private static float fma(float a, float b, float c) {
              double p = (double) a * b;
              double s = p + c;
              if (Double.isFinite(s)) {
                // TwoSum: err is the exact rounding error of p + c.
                double bb = s - p;
                double err = (p - (s - bb)) + (c - bb);
                if (err != 0.0 && (Double.doubleToRawLongBits(s) & 1L) == 0) {
                  s = err > 0 ? Math.nextUp(s) : Math.nextDown(s);
                }
              }
              return round(s);
            }
          """
              .formatted(name);
      case CHECK_BITS ->
          """
            /** v, unless it is beyond numevo's size limit of int values. */
            private static BigInteger checkBits(BigInteger v) {
              if (v.bitLength() > %1$d) {
                throw invalid("int value beyond %1$d bits");
              }
              return v;
            }
          """
              .formatted(IntLimits.MAX_BITS);
      case EXACT_DIV ->
          """
            /** x / y, which must be exact. */
            private static BigInteger exactDiv(BigInteger x, BigInteger y) {
              if (y.signum() == 0) {
                throw invalid("int division by zero");
              }
              BigInteger[] qr = x.divideAndRemainder(y);
              if (qr[1].signum() != 0) {
                throw invalid("inexact int division");
              }
              return qr[0];
            }
          """;
    };
  }
}
