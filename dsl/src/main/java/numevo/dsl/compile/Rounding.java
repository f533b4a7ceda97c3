package numevo.dsl.compile;

import numevo.dsl.format.NumberFormat;

/**
 * Fast rounding of a double to each format narrower than float32: the same results as {@link
 * NumberFormat#round(double)} (round to nearest, ties to even, no saturation; overflow gives Inf
 * where the format has it and NaN otherwise; {@code -0} becomes {@code +0} where the format has no
 * negative zero), without its scaling and dispatch. Compiled kernels call these; they are public
 * for other fast paths.
 *
 * <p>Normal results round the binary64 significand with integer arithmetic on its bits (a carry
 * moves into the exponent, as it should); results in the format's subnormal range are rounded by
 * the FPU, by adding and subtracting a power of two whose ulp is the format's smallest subnormal.
 * Even NaN results are the same doubles: a NaN input is returned as it is, and an overflow in a
 * format without infinities gives the quiet NaN with the sign {@code NumberFormat} gives it.
 */
public final class Rounding {
  private Rounding() {}

  // How a format spends its top codes: Inf and NaN (IEEE); signed NaNs, no Inf (FN); one NaN, no
  // Inf and no negative zero (FNUZ).
  private static final int IEEE = 0;
  private static final int FN = 1;
  private static final int FNUZ = 2;

  /** {@link NumberFormat#FLOAT16}. */
  public static double float16(double x) {
    return round(x, 10, 0x1p-14, 0x1p-24 * 0x1p52, 65504.0, IEEE);
  }

  /** {@link NumberFormat#BFLOAT16}. */
  public static double bfloat16(double x) {
    return round(x, 7, 0x1p-126, 0x1p-133 * 0x1p52, 0x1.fep127, IEEE);
  }

  /** {@link NumberFormat#E4M3FN}. */
  public static double e4m3fn(double x) {
    return round(x, 3, 0x1p-6, 0x1p-9 * 0x1p52, 448.0, FN);
  }

  /** {@link NumberFormat#E5M2}. */
  public static double e5m2(double x) {
    return round(x, 2, 0x1p-14, 0x1p-16 * 0x1p52, 57344.0, IEEE);
  }

  /** {@link NumberFormat#E4M3FNUZ}. */
  public static double e4m3fnuz(double x) {
    return round(x, 3, 0x1p-7, 0x1p-10 * 0x1p52, 240.0, FNUZ);
  }

  /** {@link NumberFormat#E5M2FNUZ}. */
  public static double e5m2fnuz(double x) {
    return round(x, 2, 0x1p-15, 0x1p-17 * 0x1p52, 57344.0, FNUZ);
  }

  /**
   * Rounds to the format of the given parameters (all constants at every call site, so that the JIT
   * folds them).
   *
   * @param x the value
   * @param m explicit mantissa bits
   * @param minNormal the smallest positive normal value
   * @param tiny a power of two whose ulp is the smallest subnormal ({@code minSubnormal * 2^52})
   * @param maxFinite the largest finite value
   * @param special {@link #IEEE}, {@link #FN} or {@link #FNUZ}
   */
  private static double round(
      double x, int m, double minNormal, double tiny, double maxFinite, int special) {
    double a = Math.abs(x);
    double r;
    if (a >= minNormal) {
      int shift = 52 - m;
      long b = Double.doubleToRawLongBits(a);
      // Round to nearest, ties to even, on the bits: add half an ulp less one, plus the kept lsb.
      b += (1L << (shift - 1)) - 1 + ((b >>> shift) & 1);
      r = Double.longBitsToDouble(b & (-1L << shift));
      if (r > maxFinite) {
        return switch (special) {
          case IEEE -> Math.copySign(Double.POSITIVE_INFINITY, x);
          case FN -> Math.copySign(Double.NaN, x); // signed NaNs, as NumberFormat gives
          default -> Double.NaN;
        };
      }
    } else if (a < minNormal) {
      r = (a + tiny) - tiny; // exact subtraction; the addition rounded to a multiple of the ulp
      if (r == 0.0 && special == FNUZ) {
        return 0.0;
      }
    } else {
      return x; // NaN
    }
    return Math.copySign(r, x);
  }

  /**
   * The name of the method of this class that rounds to {@code f}; null for float32 and float64.
   */
  static String methodName(NumberFormat f) {
    return switch (f) {
      case FLOAT64, FLOAT32 -> null;
      case FLOAT16 -> "float16";
      case BFLOAT16 -> "bfloat16";
      case E4M3FN -> "e4m3fn";
      case E5M2 -> "e5m2";
      case E4M3FNUZ -> "e4m3fnuz";
      case E5M2FNUZ -> "e5m2fnuz";
    };
  }
}
