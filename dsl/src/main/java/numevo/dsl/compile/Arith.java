package numevo.dsl.compile;

import numevo.dsl.eval.EvaluationException;

/**
 * The runtime of compiled kernels: the DSL operations that are not a single JVM instruction or a
 * {@code java.lang.Math} call, as small static methods that compiled code calls and the JIT
 * inlines. Comparisons and selects are here for reference and other callers: compiled code emits
 * them inline, as javac compiles {@code a < b ? 1 : 0}, so that each kernel has its own branch
 * profile.
 *
 * <p>Each method computes exactly what {@link numevo.dsl.eval.Interpreter} computes for the op.
 */
public final class Arith {
  private Arith() {}

  /**
   * {@code a*b+c} rounded to odd in binary64, for operands of at most 24 significant bits whose
   * product is exact in binary64 (every format narrower than float64). Rounding the result once
   * more to a format of at most 51 bits of precision gives the correctly rounded fused multiply-add
   * in that format. Infinities and NaN propagate as in {@code a*b+c}.
   */
  public static double fmaRoundToOdd(double a, double b, double c) {
    double p = a * b;
    double s = p + c;
    if (!Double.isFinite(s)) {
      return s;
    }
    // Knuth's TwoSum: err is the exact rounding error of p + c.
    double bb = s - p;
    double err = (p - (s - bb)) + (c - bb);
    if (err != 0.0 && (Double.doubleToRawLongBits(s) & 1L) == 0) {
      s = err > 0 ? Math.nextUp(s) : Math.nextDown(s);
    }
    return s;
  }

  /**
   * The fused multiply-add of a format of at most 16 bits other than bfloat16 (float16 and the FP8
   * formats), before its one rounding to the format: the binary64 fma, which is all such a format
   * needs. Rounding the result to the format gives the correctly rounded fma.
   *
   * <p>Why no double rounding: rounding the exact {@code a*b+c} first to binary64 can change the
   * final rounding only if the exact value needs more than 53 bits and lies within half a binary64
   * ulp of a midpoint of the format. Every value of these formats is a multiple of its smallest
   * subnormal {@code u} (at least {@code 2^-24}) below {@code 2^16}, so the product is a multiple
   * of {@code u^2} with at most 22 significant bits. In FP8 every sum then spans fewer than 53 bits
   * and is exact. In float16 a sum can be inexact only when {@code |c|} exceeds {@code |a*b|} by
   * more than {@code 2^30} (or the result overflows): the exact value then lies within {@code |c|
   * 2^-30} of {@code c}, a value of the format, far from any midpoint ({@code |c| 2^-12} away).
   * bfloat16 has the exponent range of float32 and needs {@link #fmaRoundToOdd}.
   */
  public static double fmaNarrow(double a, double b, double c) {
    return Math.fma(a, b, c);
  }

  /**
   * The DSL's {@code bits} of a float32: its code, and {@code 0x7fc00000} for every NaN: the same
   * function as {@link Float#floatToIntBits}, written as an integer select on the raw code (a NaN's
   * magnitude code is above Inf's), which the JIT compiles to an integer compare and a conditional
   * move instead of a float compare feeding a branch.
   */
  public static int bits(float x) {
    int b = Float.floatToRawIntBits(x);
    return (b & 0x7fffffff) > 0x7f800000 ? 0x7fc00000 : b;
  }

  /** {@code a < b ? 1 : 0} (NaN compares false). */
  public static int lt(float a, float b) {
    return a < b ? 1 : 0;
  }

  /** {@code a <= b ? 1 : 0} (NaN compares false). */
  public static int le(float a, float b) {
    return a <= b ? 1 : 0;
  }

  /** {@code a == b ? 1 : 0} (NaN compares false, {@code -0 == +0}). */
  public static int eq(float a, float b) {
    return a == b ? 1 : 0;
  }

  /** {@code a < b ? 1 : 0} (NaN compares false). */
  public static int lt(double a, double b) {
    return a < b ? 1 : 0;
  }

  /** {@code a <= b ? 1 : 0} (NaN compares false). */
  public static int le(double a, double b) {
    return a <= b ? 1 : 0;
  }

  /** {@code a == b ? 1 : 0} (NaN compares false, {@code -0 == +0}). */
  public static int eq(double a, double b) {
    return a == b ? 1 : 0;
  }

  /** {@code a < b ? 1 : 0}. */
  public static int lt(int a, int b) {
    return a < b ? 1 : 0;
  }

  /** {@code a <= b ? 1 : 0}. */
  public static int le(int a, int b) {
    return a <= b ? 1 : 0;
  }

  /** {@code a == b ? 1 : 0}. */
  public static int eq(int a, int b) {
    return a == b ? 1 : 0;
  }

  /** {@code a < b ? 1 : 0}. */
  public static int lt(long a, long b) {
    return a < b ? 1 : 0;
  }

  /** {@code a <= b ? 1 : 0}. */
  public static int le(long a, long b) {
    return a <= b ? 1 : 0;
  }

  /** {@code a == b ? 1 : 0}. */
  public static int eq(long a, long b) {
    return a == b ? 1 : 0;
  }

  /** {@code c != 0 ? a : b}. */
  public static float select(int c, float a, float b) {
    return c != 0 ? a : b;
  }

  /** {@code c != 0 ? a : b}. */
  public static double select(int c, double a, double b) {
    return c != 0 ? a : b;
  }

  /** {@code c != 0 ? a : b}. */
  public static int select(int c, int a, int b) {
    return c != 0 ? a : b;
  }

  /** {@code c != 0 ? a : b}. */
  public static long select(int c, long a, long b) {
    return c != 0 ? a : b;
  }

  /** Whether {@code x + y} overflows 64 bits. */
  public static boolean addOverflows(long x, long y) {
    long s = x + y;
    return ((x ^ s) & (y ^ s)) < 0;
  }

  /** Whether {@code x - y} overflows 64 bits. */
  public static boolean subOverflows(long x, long y) {
    long d = x - y;
    return ((x ^ y) & (x ^ d)) < 0;
  }

  /** Whether {@code x * y} overflows 64 bits. */
  public static boolean mulOverflows(long x, long y) {
    return Math.multiplyHigh(x, y) != ((x * y) >> 63);
  }

  /** Whether {@code -x} overflows 64 bits. */
  public static boolean negOverflows(long x) {
    return x == Long.MIN_VALUE;
  }

  /** Whether {@code x / y} overflows 64 bits (the one case {@code MIN_VALUE / -1}). */
  public static boolean divOverflows(long x, long y) {
    return x == Long.MIN_VALUE & y == -1;
  }

  /**
   * The DSL's exact {@code int} division on the 64-bit fast path.
   *
   * @param x the dividend
   * @param y the divisor
   * @param skip whether the point already left the fast path (then {@code x} and {@code y} are
   *     meaningless: returns 0 and never throws)
   * @return {@code x / y}
   * @throws EvaluationException if {@code y} is 0 or does not divide {@code x}, unless {@code skip}
   */
  public static long divExact(long x, long y, boolean skip) {
    if (skip) {
      return 0L;
    }
    if (y == 0) {
      throw new EvaluationException("int division by zero");
    }
    if (x % y != 0) {
      throw new EvaluationException("inexact int division");
    }
    return x / y;
  }
}
