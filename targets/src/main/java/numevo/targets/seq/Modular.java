package numevo.targets.seq;

import java.math.BigInteger;

/**
 * Arithmetic modulo primes below 2^31 (products fit a {@code long}), the fixed primes the solvers
 * work with, and the way back to the rationals: Chinese remaindering and rational reconstruction.
 */
final class Modular {
  private Modular() {}

  /** The largest primes below 2^31, descending; the solvers use a prefix of them. */
  static final long[] PRIMES = primesBelow(1L << 31, 12);

  private static long[] primesBelow(long limit, int count) {
    long[] p = new long[count];
    long c = limit - 1;
    for (int i = 0; i < count; c--) {
      if (BigInteger.valueOf(c).isProbablePrime(64)) {
        p[i++] = c;
      }
    }
    return p;
  }

  /** {@code x mod p} in {@code [0, p)}. */
  static long mod(BigInteger x, long p) {
    if (x.bitLength() < 63) {
      return Math.floorMod(x.longValue(), p);
    }
    return x.mod(BigInteger.valueOf(p)).longValue();
  }

  /** {@code a * b mod p} for {@code a, b} in {@code [0, p)}. */
  static long mul(long a, long b, long p) {
    return a * b % p;
  }

  /** {@code a^-1 mod p} for {@code a} in {@code (0, p)}. */
  static long inverse(long a, long p) {
    long r = 1;
    long base = a;
    for (long e = p - 2; e > 0; e >>= 1) {
      if ((e & 1) != 0) {
        r = r * base % p;
      }
      base = base * base % p;
    }
    return r;
  }

  /**
   * The unique {@code x} in {@code [0, prod p)} with {@code x = residues[i] mod primes[i]}.
   *
   * @param residues one per prime, each in {@code [0, p)}
   * @param primes distinct primes
   */
  static BigInteger crt(long[] residues, long[] primes) {
    BigInteger x = BigInteger.valueOf(residues[0]);
    BigInteger m = BigInteger.valueOf(primes[0]);
    for (int i = 1; i < primes.length; i++) {
      long p = primes[i];
      long xm = mod(x, p);
      long mInv = inverse(mod(m, p), p);
      long t = Math.floorMod(residues[i] - xm, p) * mInv % p;
      x = x.add(m.multiply(BigInteger.valueOf(t)));
      m = m.multiply(BigInteger.valueOf(p));
    }
    return x;
  }

  /** The product of the primes. */
  static BigInteger product(long[] primes) {
    BigInteger m = BigInteger.ONE;
    for (long p : primes) {
      m = m.multiply(BigInteger.valueOf(p));
    }
    return m;
  }

  /**
   * The fraction {@code n / d} with {@code n = x d mod m}, {@code |n| and 0 < d} both at most
   * {@code sqrt(m / 2)}, if there is one (it is then unique).
   *
   * @return {@code {n, d}} in lowest terms with {@code d > 0}, or null
   */
  static BigInteger[] rational(BigInteger x, BigInteger m) {
    BigInteger bound = m.shiftRight(1).sqrt();
    BigInteger r0 = m;
    BigInteger r1 = x.mod(m);
    BigInteger t0 = BigInteger.ZERO;
    BigInteger t1 = BigInteger.ONE;
    while (r1.compareTo(bound) > 0) {
      BigInteger[] qr = r0.divideAndRemainder(r1);
      r0 = r1;
      r1 = qr[1];
      BigInteger t = t0.subtract(qr[0].multiply(t1));
      t0 = t1;
      t1 = t;
    }
    if (t1.signum() == 0 || t1.abs().compareTo(bound) > 0) {
      return null;
    }
    if (t1.signum() < 0) {
      t1 = t1.negate();
      r1 = r1.negate();
    }
    if (!r1.gcd(t1).equals(BigInteger.ONE)) {
      return null;
    }
    return new BigInteger[] {r1, t1};
  }

  /**
   * Lifts vectors of residues, one per prime and coordinate, to the integer vector proportional to
   * the rational one they reduce from: reconstructs each coordinate, clears the denominators,
   * removes the content and makes the first nonzero coordinate positive.
   *
   * @param residues {@code residues[prime][coordinate]}
   * @param primes the primes
   * @return the integer vector, or null if some coordinate does not reconstruct
   */
  static BigInteger[] liftVector(long[][] residues, long[] primes) {
    int n = residues[0].length;
    BigInteger m = product(primes);
    BigInteger[][] q = new BigInteger[n][];
    BigInteger lcm = BigInteger.ONE;
    long[] column = new long[primes.length];
    for (int j = 0; j < n; j++) {
      for (int i = 0; i < primes.length; i++) {
        column[i] = residues[i][j];
      }
      q[j] = rational(crt(column, primes), m);
      if (q[j] == null) {
        return null;
      }
      lcm = lcm.divide(lcm.gcd(q[j][1])).multiply(q[j][1]);
    }
    BigInteger[] v = new BigInteger[n];
    BigInteger content = BigInteger.ZERO;
    for (int j = 0; j < n; j++) {
      v[j] = q[j][0].multiply(lcm.divide(q[j][1]));
      content = content.gcd(v[j]);
    }
    if (content.signum() == 0) {
      return v;
    }
    int sign = 0;
    for (BigInteger x : v) {
      if (x.signum() != 0) {
        sign = x.signum();
        break;
      }
    }
    BigInteger divisor = sign < 0 ? content.negate() : content;
    for (int j = 0; j < n; j++) {
      v[j] = v[j].divide(divisor);
    }
    return v;
  }
}
