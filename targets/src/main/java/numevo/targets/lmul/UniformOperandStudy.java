package numevo.targets.lmul;

import java.util.SplittableRandom;

/**
 * Replicates the protocol behind the figures in {@code ../shared/reference/lmul.md}: significands
 * drawn uniformly from {@code [1, 2)}, rounded to {@code m} mantissa bits, multiplied by an
 * approximation, and compared with the exact product of the <em>unrounded</em> significands. It
 * isolates what the exhaustive scores leave out: the error of rounding the operands themselves.
 * Exponents play no part (no overflow, underflow or subnormals).
 */
public final class UniformOperandStudy {
  private UniformOperandStudy() {}

  /** How the rounded significands are multiplied. */
  public enum Method {
    /** Round the exact product of the rounded significands to {@code m} bits too. */
    ROUNDED_PRODUCT,
    /** The bit-add form with L-Mul's offset {@code 2^-l(m)}: a carry doubles the sum. */
    LMUL_BIT_ADD,
    /** The paper's formula {@code 1 + xm + ym + 2^-l(m)}, without the carry into the exponent. */
    LMUL_FORMULA,
    /** The bit-add form without offset. */
    MITCHELL_BIT_ADD
  }

  /**
   * The mean of {@code |approx - exact| / exact} over {@code n} random pairs.
   *
   * @param method the approximation
   * @param m mantissa bits the operands (and for {@link Method#ROUNDED_PRODUCT} the product) are
   *     rounded to, 1 to 20
   * @param n number of pairs, at least 1
   * @param seed the seed of the {@link SplittableRandom}
   */
  public static double meanAbsRelativeError(Method method, int m, int n, long seed) {
    if (m < 1 || m > 20 || n < 1) {
      throw new IllegalArgumentException("need 1 <= m <= 20 and n >= 1, got " + m + ", " + n);
    }
    SplittableRandom rng = new SplittableRandom(seed);
    double off = Math.scalb(1.0, -offsetExponent(m));
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double x = 1 + rng.nextDouble();
      double y = 1 + rng.nextDouble();
      double exact = x * y;
      double xr = roundSignificand(x, m);
      double yr = roundSignificand(y, m);
      double xm = xr - 1; // xr may round up to 2: then xm = 1, as a carry into the exponent does
      double ym = yr - 1;
      double approx =
          switch (method) {
            case ROUNDED_PRODUCT -> roundSignificand(xr * yr, m);
            case LMUL_BIT_ADD -> bitAdd(xm + ym + off);
            case LMUL_FORMULA -> 1 + xm + ym + off;
            case MITCHELL_BIT_ADD -> bitAdd(xm + ym);
          };
      sum += Math.abs(approx - exact) / exact;
    }
    return sum / n;
  }

  /** L-Mul's {@code l(m)}: m for m <= 3, 3 for m = 4, 4 above. */
  public static int offsetExponent(int m) {
    return m <= 3 ? m : m == 4 ? 3 : 4;
  }

  /** {@code 1 + s} below a carry; a carry moves one into the exponent: {@code 2 (1 + s - 1)}. */
  private static double bitAdd(double s) {
    return s < 1 ? 1 + s : 2 * s;
  }

  /** Rounds a positive value to {@code m} bits after its leading bit, ties to even. */
  private static double roundSignificand(double v, int m) {
    int e = Math.getExponent(v);
    return Math.scalb(Math.rint(Math.scalb(v, m - e)), e - m);
  }
}
