package numevo.targets.seq;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Polynomials in {@code n} with integer coefficients, lowest power first ({@code c[j]} is the
 * coefficient of {@code n^j}): evaluation, and the greatest common divisor of several by the
 * primitive pseudo-remainder sequence (Gauss's lemma keeps everything in the integers).
 */
final class IntPolynomials {
  private IntPolynomials() {}

  /** {@code c(n)} by Horner's rule. */
  static BigInteger eval(BigInteger[] c, BigInteger n) {
    BigInteger acc = BigInteger.ZERO;
    for (int j = c.length - 1; j >= 0; j--) {
      acc = acc.multiply(n).add(c[j]);
    }
    return acc;
  }

  /** The degree; -1 for the zero polynomial. */
  static int degree(BigInteger[] c) {
    int d = c.length - 1;
    while (d >= 0 && c[d].signum() == 0) {
      d--;
    }
    return d;
  }

  /**
   * The primitive greatest common divisor of the nonzero polynomials among {@code ps}, with a
   * positive leading coefficient; {@code {1}} if they are all zero or coprime.
   */
  static BigInteger[] gcd(BigInteger[][] ps) {
    BigInteger[] g = null;
    for (BigInteger[] p : ps) {
      if (degree(p) < 0) {
        continue;
      }
      g = g == null ? primitive(trim(p)) : gcd(g, primitive(trim(p)));
      if (degree(g) == 0) {
        return new BigInteger[] {BigInteger.ONE};
      }
    }
    return g == null ? new BigInteger[] {BigInteger.ONE} : g;
  }

  private static BigInteger[] gcd(BigInteger[] a, BigInteger[] b) {
    if (degree(a) < degree(b)) {
      BigInteger[] t = a;
      a = b;
      b = t;
    }
    while (degree(b) >= 0) {
      BigInteger[] r = pseudoRemainder(a, b);
      a = b;
      b = degree(r) < 0 ? r : primitive(r);
    }
    return primitive(a);
  }

  /** {@code lc(b)^(deg a - deg b + 1) a mod b}. */
  private static BigInteger[] pseudoRemainder(BigInteger[] a, BigInteger[] b) {
    BigInteger[] r = trim(a).clone();
    int db = degree(b);
    BigInteger lead = b[db];
    for (int d = degree(r); d >= db; d = degree(r)) {
      BigInteger f = r[d];
      for (int j = 0; j <= d; j++) {
        r[j] = r[j].multiply(lead);
      }
      for (int j = 0; j <= db; j++) {
        r[j + d - db] = r[j + d - db].subtract(f.multiply(b[j]));
      }
    }
    return r;
  }

  /**
   * {@code a / g} for a {@code g} that divides {@code a} (exact over the integers when {@code g} is
   * primitive); the result has {@code a.length} coefficients.
   */
  static BigInteger[] divide(BigInteger[] a, BigInteger[] g) {
    BigInteger[] r = trim(a).clone();
    int dg = degree(g);
    BigInteger[] q = new BigInteger[a.length];
    Arrays.fill(q, BigInteger.ZERO);
    for (int d = degree(r); d >= dg && d >= 0; d = degree(r)) {
      BigInteger[] qr = r[d].divideAndRemainder(g[dg]);
      if (qr[1].signum() != 0) {
        throw new ArithmeticException("not divisible");
      }
      q[d - dg] = qr[0];
      for (int j = 0; j <= dg; j++) {
        r[j + d - dg] = r[j + d - dg].subtract(qr[0].multiply(g[j]));
      }
    }
    if (degree(r) >= 0) {
      throw new ArithmeticException("not divisible");
    }
    return q;
  }

  /** The polynomial divided by its content, with a positive leading coefficient. */
  private static BigInteger[] primitive(BigInteger[] c) {
    BigInteger content = BigInteger.ZERO;
    for (BigInteger x : c) {
      content = content.gcd(x);
    }
    int d = degree(c);
    if (d < 0) {
      return c;
    }
    if (c[d].signum() < 0) {
      content = content.negate();
    }
    BigInteger[] r = new BigInteger[d + 1];
    for (int j = 0; j <= d; j++) {
      r[j] = c[j].divide(content);
    }
    return r;
  }

  private static BigInteger[] trim(BigInteger[] c) {
    return Arrays.copyOf(c, Math.max(degree(c) + 1, 1));
  }
}
