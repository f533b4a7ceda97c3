package numevo.hashing;

/**
 * Arithmetic modulo the Mersenne prime {@code P = 2^61 - 1}, for evaluating exact-integer functions
 * at random residues. Every method takes residues in {@code [0, P)} (unless it says otherwise) and
 * returns one; arguments out of range give unspecified results.
 *
 * <p>Why modulo a prime: two different integer polynomials of degree at most {@code d} agree at a
 * uniformly random residue with probability at most {@code d / P} (Schwartz-Zippel), so a few
 * random probes separate them almost surely, while equal polynomials agree everywhere. Exact
 * arithmetic would overflow or need big integers; arithmetic mod P is a few machine instructions.
 */
public final class ModP {
  private ModP() {}

  /** The modulus, {@code 2^61 - 1}, a prime. */
  public static final long P = (1L << 61) - 1;

  /** Reduces any long (negative included) to its residue in {@code [0, P)}. */
  public static long reduce(long x) {
    // x = hi * 2^61 + lo and 2^61 = 1 (mod P); the sign is handled by floorMod on the rest.
    long r = (x & P) + (x >> 61);
    return Math.floorMod(r, P);
  }

  /** {@code (a + b) mod P}. */
  public static long add(long a, long b) {
    long s = a + b;
    return s >= P ? s - P : s;
  }

  /** {@code (a - b) mod P}. */
  public static long sub(long a, long b) {
    long d = a - b;
    return d < 0 ? d + P : d;
  }

  /** {@code (-a) mod P}. */
  public static long neg(long a) {
    return a == 0 ? 0 : P - a;
  }

  /** {@code (a * b) mod P}. */
  public static long mul(long a, long b) {
    // The product has at most 122 bits: split it at bit 61 and fold, since 2^61 = 1 (mod P).
    long lo = a * b;
    long hi = Math.multiplyHigh(a, b);
    long folded = (lo & P) + ((lo >>> 61) | (hi << 3));
    return folded >= P ? folded - P : folded;
  }

  /** {@code a^e mod P} for {@code e >= 0} ({@code 0^0 = 1}). */
  public static long pow(long a, long e) {
    if (e < 0) {
      throw new IllegalArgumentException("negative exponent " + e);
    }
    long result = 1;
    long base = a;
    while (e != 0) {
      if ((e & 1) != 0) {
        result = mul(result, base);
      }
      base = mul(base, base);
      e >>>= 1;
    }
    return result;
  }

  /**
   * The multiplicative inverse, by Fermat: {@code a^(P-2)}. An exact division {@code x / a} of
   * integers has the residue {@code x * inverse(a)}.
   *
   * @throws ArithmeticException if {@code a == 0}
   */
  public static long inverse(long a) {
    if (a == 0) {
      throw new ArithmeticException("0 has no inverse modulo P");
    }
    return pow(a, P - 2);
  }
}
