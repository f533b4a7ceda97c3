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
    /** {@code float roundFloat(float)}: to the narrow format, ties to even, from a float. */
    ROUND_FLOAT,
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
      return this == ROUND || this == ROUND_FLOAT || this == DECODE || this == BITS || this == FMA;
    }
  }

  /**
   * Appends the constants and the helpers in {@code needed}, each preceded by a blank line.
   *
   * @param needed the helpers the kernel calls; FMA implies ROUND, which implies ROUND_FLOAT
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
                  private static final float MIN_NORMAL = %s;
                  // A power of two whose float ulp is the smallest subnormal (FP8 rounding).
                  private static final float TINY = %s;
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
                Double.toString(f.maxFinite()),
                Float.toHexString((float) f.minNormal()) + "f",
                Float.toHexString((float) Math.scalb(f.minSubnormal(), 23)) + "f"));
  }

  static String describe(Specials s) {
    return switch (s) {
      case IEEE -> "infinities and NaNs as in IEEE 754";
      case FN -> "no infinities, NaN is the all-ones code of either sign, overflow gives NaN";
      case FNUZ -> "no infinities, no negative zero, NaN is the code of -0, overflow gives NaN";
    };
  }

  /**
   * {@code float roundFloat(float)}: bfloat16 on the float's code; float16 and FP8 on the code with
   * subnormals rounded by the FPU (not the JDK's float16 conversions: exported code compiles with
   * Java 17, which lacks them).
   */
  private static String roundFloat(NumberFormat f, Specials s) {
    String doc =
        "  /** x rounded to the nearest %s value, ties to even. */\n".formatted(f.formatName());
    if (f == NumberFormat.BFLOAT16) {
      return doc
          + """
            private static float roundFloat(float x) {
              int b = Float.floatToRawIntBits(x);
              // Half an ulp less one plus the kept last bit; a carry moves into the exponent.
              int r = (b + 0x7fff + ((b >>> 16) & 1)) & 0xffff0000;
              return x != x ? x : Float.intBitsToFloat(r); // a NaN's code could carry into Inf
            }
          """;
    }
    return doc
        + """
          private static float roundFloat(float x) {
            float a = Math.abs(x);
            float r;
            if (a >= MIN_NORMAL) {
              int shift = 23 - MANTISSA_BITS;
              int b = Float.floatToRawIntBits(a);
              // Half an ulp less one plus the kept last bit; a carry moves into the exponent.
              b += (1 << (shift - 1)) - 1 + ((b >>> shift) & 1);
              r = Float.intBitsToFloat(b & (-1 << shift));
              if (r > MAX_FINITE) {
                return %1$s;
              }
            } else if (a < MIN_NORMAL) {
              r = (a + TINY) - TINY; // rounded to a multiple of the smallest subnormal
        %2$s    } else {
              return x; // NaN
            }
            return Math.copySign(r, x);
          }
        """
            .formatted(
                switch (s) {
                  case IEEE -> "Math.copySign(Float.POSITIVE_INFINITY, x)";
                  case FN -> "Math.copySign(Float.NaN, x); // NaNs are signed";
                  case FNUZ -> "Float.NaN";
                },
                s == Specials.FNUZ
                    ? "      if (r == 0f) {\n        return 0f; // no negative zero\n      }\n"
                    : "");
  }

  private static String text(Helper h, NumberFormat f) {
    Specials s = Specials.of(f);
    String name = f.formatName();
    return switch (h) {
      case ROUND ->
          """
            /**
             * x rounded to the nearest %1$s value, ties to even (a float holds it exactly): first to
             * float by rounding to odd (x itself, or the one of the two floats around x whose last
             * bit is odd), which is never a midpoint of the format and keeps x's side of every
             * midpoint (a float has at least p + 2 bits for the format's p), then from the float.
             */
            private static float round(double x) {
              float f = (float) x;
              double d = f;
              int away = Math.abs(d) > Math.abs(x) ? 1 : 0;
              int inexact = d != x ? 1 : 0;
              return roundFloat(Float.intBitsToFloat((Float.floatToRawIntBits(f) - away) | inexact));
            }
          """
              .formatted(name);
      case ROUND_FLOAT -> roundFloat(f, s);
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
