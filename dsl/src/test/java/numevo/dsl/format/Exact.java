package numevo.dsl.format;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Exact BigDecimal helpers for the test oracles. */
final class Exact {
  private Exact() {}

  /** {@code v * 2^k}, exactly. */
  static BigDecimal timesPowerOfTwo(BigDecimal v, int k) {
    if (k >= 0) {
      return v.multiply(new BigDecimal(BigInteger.TWO.pow(k)));
    }
    // 2^-k == 5^k / 10^k, so the division is exact.
    return v.multiply(new BigDecimal(BigInteger.valueOf(5).pow(-k))).movePointLeft(-k);
  }

  /** The midpoint of two values, exactly. */
  static BigDecimal midpoint(BigDecimal a, BigDecimal b) {
    return timesPowerOfTwo(a.add(b), -1);
  }

  /** The exact value of a finite double, as a BigDecimal ({@code new BigDecimal(double)}). */
  static BigDecimal of(double x) {
    return new BigDecimal(x);
  }
}
