package numevo.targets.floats;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Elementary functions in {@link BigDecimal} at a requested precision: the slow, exact fallback of
 * the float references. Each result has a relative error below {@code 10^-(p-2)} for a precision of
 * {@code p} digits: the work is done with guard digits that cover the rounding of every step.
 */
public final class BigMath {
  private BigMath() {}

  /** The error bound of every function here, in digits below the requested precision. */
  public static final int LOST_DIGITS = 2;

  /**
   * e^t.
   *
   * @param t any value with |t| < 2^31
   * @param mc the precision, at least 10 digits
   * @return e^t with relative error below 10^-(precision - 2)
   */
  public static BigDecimal exp(BigDecimal t, MathContext mc) {
    if (t.signum() == 0) {
      return BigDecimal.ONE;
    }
    // Halve t until |t| < 2^-8, sum the Taylor series there, then square back. Each squaring
    // doubles the relative error, hence ceil(k log10 2) more guard digits.
    int e = Math.getExponent(t.abs().doubleValue());
    int k = Math.max(0, e + 9);
    int guard = 10 + (int) Math.ceil(k * 0.30103);
    MathContext w = new MathContext(mc.getPrecision() + guard, RoundingMode.HALF_EVEN);
    BigDecimal r = divideByPowerOfTwo(t, k);
    BigDecimal sum = BigDecimal.ONE;
    BigDecimal term = BigDecimal.ONE;
    BigDecimal eps = BigDecimal.ONE.movePointLeft(w.getPrecision() + 2);
    for (int n = 1; n < 10_000; n++) {
      term = term.multiply(r, w).divide(BigDecimal.valueOf(n), w);
      sum = sum.add(term, w);
      if (term.abs().compareTo(eps) < 0) {
        break;
      }
    }
    for (int i = 0; i < k; i++) {
      sum = sum.multiply(sum, w);
    }
    return sum.round(mc);
  }

  /**
   * The natural logarithm.
   *
   * @param x a positive value
   * @param mc the precision, at least 10 digits
   * @return ln x with relative error below 10^-(precision - 2); exactly 0 for x = 1
   * @throws ArithmeticException if x is not positive
   */
  public static BigDecimal ln(BigDecimal x, MathContext mc) {
    if (x.signum() <= 0) {
      throw new ArithmeticException("ln of a non-positive value");
    }
    if (x.compareTo(BigDecimal.ONE) == 0) {
      return BigDecimal.ZERO;
    }
    // x = m * 2^e with m in [0.75, 1.5): ln x = e ln 2 + ln m, ln m = 2 atanh((m-1)/(m+1)).
    int e = Math.getExponent(x.doubleValue());
    BigDecimal m = e >= 0 ? divideByPowerOfTwo(x, e) : x.multiply(BigDecimal.TWO.pow(-e));
    if (m.compareTo(new BigDecimal("1.5")) >= 0) {
      m = divideByPowerOfTwo(m, 1);
      e++;
    } else if (m.compareTo(new BigDecimal("0.75")) < 0) {
      m = m.multiply(BigDecimal.TWO);
      e--;
    }
    // Cancellation: ln m is small when m is near 1, and e ln 2 + ln m can cancel when e = -1 and
    // m near 2... which the range [0.75, 1.5) excludes. Guard digits cover the rest.
    MathContext w = new MathContext(mc.getPrecision() + 12, RoundingMode.HALF_EVEN);
    BigDecimal z = m.subtract(BigDecimal.ONE).divide(m.add(BigDecimal.ONE), w);
    BigDecimal lnm = atanh(z, w).multiply(BigDecimal.TWO);
    BigDecimal r = e == 0 ? lnm : ln2(w).multiply(BigDecimal.valueOf(e), w).add(lnm, w);
    return r.round(mc);
  }

  /**
   * ln 2.
   *
   * @param mc the precision
   * @return ln 2 with relative error below 10^-(precision - 2)
   */
  public static BigDecimal ln2(MathContext mc) {
    MathContext w = new MathContext(mc.getPrecision() + 10, RoundingMode.HALF_EVEN);
    BigDecimal third = BigDecimal.ONE.divide(BigDecimal.valueOf(3), w);
    return atanh(third, w).multiply(BigDecimal.TWO).round(mc);
  }

  /** atanh z = z + z^3/3 + z^5/5 + ..., for |z| <= 1/3, at the precision of {@code w}. */
  private static BigDecimal atanh(BigDecimal z, MathContext w) {
    BigDecimal z2 = z.multiply(z, w);
    BigDecimal power = z;
    BigDecimal sum = z;
    BigDecimal eps = z.abs().movePointLeft(w.getPrecision() + 2);
    if (z.signum() == 0) {
      return z;
    }
    for (int n = 3; n < 100_000; n += 2) {
      power = power.multiply(z2, w);
      BigDecimal term = power.divide(BigDecimal.valueOf(n), w);
      sum = sum.add(term, w);
      if (term.abs().compareTo(eps) < 0) {
        break;
      }
    }
    return sum;
  }

  /** x / 2^k, exactly (k >= 0): x * 5^k / 10^k. */
  static BigDecimal divideByPowerOfTwo(BigDecimal x, int k) {
    if (k == 0) {
      return x;
    }
    return new BigDecimal(x.unscaledValue().multiply(BigInteger.valueOf(5).pow(k)), x.scale() + k);
  }

  private static final double LOG2_10 = Math.log(10) / Math.log(2);

  /**
   * The binary exponent of |v|: the k with 2^k <= |v| < 2^(k+1), decided exactly.
   *
   * @param v a nonzero value
   */
  static int exponent(BigDecimal v) {
    BigDecimal a = v.abs();
    BigInteger u = a.unscaledValue();
    int shift = Math.max(0, u.bitLength() - 60);
    double lead = u.shiftRight(shift).doubleValue();
    int k = (int) Math.floor(Math.log(lead) / Math.log(2) + shift - a.scale() * LOG2_10);
    while (powerOfTwo(k).compareTo(a) > 0) {
      k--;
    }
    while (powerOfTwo(k + 1).compareTo(a) <= 0) {
      k++;
    }
    return k;
  }

  /** 2^k exactly. */
  static BigDecimal powerOfTwo(int k) {
    return k >= 0
        ? new BigDecimal(BigInteger.ONE.shiftLeft(k))
        : divideByPowerOfTwo(BigDecimal.ONE, -k);
  }
}
