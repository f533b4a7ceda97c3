package numevo.dsl.compile;

import numevo.dsl.format.NumberFormat;

/**
 * Fast rounding to each format narrower than float32, from a double and from a float: the same
 * values as {@link NumberFormat#round(double)} (round to nearest, ties to even, no saturation;
 * overflow gives Inf where the format has it and NaN otherwise; {@code -0} becomes {@code +0} where
 * the format has no negative zero). Compiled kernels call these; they are public for other fast
 * paths ({@link numevo.dsl.eval.ColumnarEvaluator}'s loops use them too).
 *
 * <p><b>From a float</b> ({@code float16(float)}...), the result a float: float16 is the JDK's
 * conversion pair ({@link Float#floatToFloat16}, {@link Float#float16ToFloat}, HotSpot intrinsics:
 * {@code vcvtps2ph}/{@code vcvtph2ps}); bfloat16 rounds the float's code with integer arithmetic
 * (its subnormals are float subnormals, and a carry moves into the exponent and on to Inf as it
 * should); the FP8 formats round normal results on the float's code and subnormal ones with the FPU
 * (adding and subtracting a power of two whose ulp is the format's smallest subnormal).
 *
 * <p><b>From a double</b> ({@code float16(double)}...): {@link #toFloatOdd} first, then the float
 * rounding. Rounding to odd at float32's precision (24 bits, and float32's subnormal grid of {@code
 * 2^-149}) and then to nearest at a precision p gives the correctly rounded result whenever the odd
 * rounding keeps at least p + 2 bits (Boldo and Melquiond, "Emulation of FMA and correctly rounded
 * sums: proved algorithms using rounding to odd", IEEE TC 2008): an inexact odd result is never a
 * midpoint of the coarser format (a midpoint has a 0 last bit at float precision) and stays on the
 * side of every midpoint that the exact value is on. Here p is at most 11 (float16) and float32's
 * grid is at least 2 bits finer than every narrow format's grid at every magnitude, subnormal
 * ranges included (float16 and FP8 values are multiples of at least {@code 2^-24}, bfloat16 ones of
 * {@code 2^-133}), and every format's overflow threshold is a float32 value at most {@code
 * MAX_VALUE}, so odd rounding never moves a value across it.
 *
 * <p>NaN: a NaN input gives a NaN of the same sign; an overflow in a format without infinities
 * gives the NaN {@code NumberFormat} gives (signed in e4m3fn, positive in the fnuz formats). NaN
 * payloads are not kept (the DSL never observes them: {@code bits} maps every NaN to the format's
 * canonical NaN).
 */
public final class Rounding {
  private Rounding() {}

  // How a format spends its top codes: Inf and NaN (IEEE); signed NaNs, no Inf (FN); one NaN, no
  // Inf and no negative zero (FNUZ).
  private static final int IEEE = 0;
  private static final int FN = 1;
  private static final int FNUZ = 2;

  /**
   * {@code x} rounded to float32 by rounding to odd: {@code x} itself when a float holds it,
   * otherwise whichever of the two floats around {@code x} has an odd last bit (beyond the float
   * range: {@code ±MAX_VALUE}; below the smallest subnormal: {@code ±MIN_VALUE}). NaN stays NaN
   * with its sign. Branch-free: the JIT compiles it to compares and conditional moves.
   */
  public static float toFloatOdd(double x) {
    float f = (float) x;
    double d = f;
    int b = Float.floatToRawIntBits(f);
    // The truncation toward zero is f, or its neighbour toward zero where f was rounded away (an
    // integer decrement of the code: codes are sign and magnitude). Odd rounding is the truncation
    // with its last bit set where x is inexact.
    int away = Math.abs(d) > Math.abs(x) ? 1 : 0;
    int inexact = d != x ? 1 : 0;
    return Float.intBitsToFloat((b - away) | inexact);
  }

  /**
   * {@code x} rounded to odd at float32's precision of 24 bits, as a float, for values in float32's
   * normal range (beyond it: Inf, or a float32 rounding to nearest of the 24-bit value below {@code
   * 2^-126}): integer operations on the double's code only (truncate the 29 low bits, set bit 29
   * where any was set), which the JIT can vectorize. Enough for every format whose values and
   * midpoints lie in float32's normal range, whose overflow threshold is far below float32's and
   * for which every double below {@code 2^-126} rounds to zero (float16 and FP8, not bfloat16): the
   * conversion to float is then exact wherever the result matters.
   */
  static float toFloatOdd24(double x) {
    long b = Double.doubleToRawLongBits(x);
    long low = 0x1fff_ffffL;
    long sticky = ((b & low) + low) & (low + 1);
    return (float) Double.longBitsToDouble((b & ~low) | sticky);
  }

  /** {@link NumberFormat#FLOAT16}. */
  public static double float16(double x) {
    return float16(toFloatOdd24(x));
  }

  /** {@link NumberFormat#BFLOAT16}. */
  public static double bfloat16(double x) {
    return bfloat16(toFloatOdd(x));
  }

  /** {@link NumberFormat#E4M3FN}. */
  public static double e4m3fn(double x) {
    return e4m3fn(toFloatOdd24(x));
  }

  /** {@link NumberFormat#E5M2}. */
  public static double e5m2(double x) {
    return e5m2(toFloatOdd24(x));
  }

  /** {@link NumberFormat#E4M3FNUZ}. */
  public static double e4m3fnuz(double x) {
    return e4m3fnuz(toFloatOdd24(x));
  }

  /** {@link NumberFormat#E5M2FNUZ}. */
  public static double e5m2fnuz(double x) {
    return e5m2fnuz(toFloatOdd24(x));
  }

  /** {@link NumberFormat#FLOAT16}, from a float: the JDK's conversions (intrinsics). */
  public static float float16(float x) {
    return Float.float16ToFloat(Float.floatToFloat16(x));
  }

  /** {@link NumberFormat#BFLOAT16}, from a float: round to nearest even on the float's code. */
  public static float bfloat16(float x) {
    int b = Float.floatToRawIntBits(x);
    // Add half an ulp less one, plus the kept lsb; a carry into the exponent is right, and the
    // largest finite floats carry into Inf. A NaN's code could carry into Inf or the sign: kept.
    int r = (b + 0x7fff + ((b >>> 16) & 1)) & 0xffff0000;
    return x != x ? x : Float.intBitsToFloat(r);
  }

  /** {@link NumberFormat#E4M3FN}, from a float. */
  public static float e4m3fn(float x) {
    return round(x, 3, 0x1p-6f, 0x1p14f, 448f, FN);
  }

  /** {@link NumberFormat#E5M2}, from a float. */
  public static float e5m2(float x) {
    return round(x, 2, 0x1p-14f, 0x1p7f, 57344f, IEEE);
  }

  /** {@link NumberFormat#E4M3FNUZ}, from a float. */
  public static float e4m3fnuz(float x) {
    return round(x, 3, 0x1p-7f, 0x1p13f, 240f, FNUZ);
  }

  /** {@link NumberFormat#E5M2FNUZ}, from a float. */
  public static float e5m2fnuz(float x) {
    return round(x, 2, 0x1p-15f, 0x1p6f, 57344f, FNUZ);
  }

  /**
   * Rounds a float to the FP8 format of the given parameters (all constants at every call site, so
   * that the JIT folds them).
   *
   * @param x the value
   * @param m explicit mantissa bits
   * @param minNormal the smallest positive normal value
   * @param tiny a power of two whose float ulp is the smallest subnormal ({@code minSubnormal *
   *     2^23})
   * @param maxFinite the largest finite value
   * @param special {@link #IEEE}, {@link #FN} or {@link #FNUZ}
   */
  private static float round(
      float x, int m, float minNormal, float tiny, float maxFinite, int special) {
    float a = Math.abs(x);
    float r;
    if (a >= minNormal) {
      int shift = 23 - m;
      int b = Float.floatToRawIntBits(a);
      // Round to nearest, ties to even, on the bits: add half an ulp less one, plus the kept lsb.
      // Inf stays Inf (its code plus less than an ulp, masked).
      b += (1 << (shift - 1)) - 1 + ((b >>> shift) & 1);
      r = Float.intBitsToFloat(b & (-1 << shift));
      if (r > maxFinite) {
        return switch (special) {
          case IEEE -> Math.copySign(Float.POSITIVE_INFINITY, x);
          case FN -> Math.copySign(Float.NaN, x); // signed NaNs, as NumberFormat gives
          default -> Float.NaN;
        };
      }
    } else if (a < minNormal) {
      r = (a + tiny) - tiny; // exact subtraction; the addition rounded to a multiple of the ulp
      if (r == 0f && special == FNUZ) {
        return 0f;
      }
    } else {
      return x; // NaN
    }
    return Math.copySign(r, x);
  }

  /**
   * The name of the methods of this class that round to {@code f} ({@code (D)D} and {@code (F)F});
   * null for float32 and float64.
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
