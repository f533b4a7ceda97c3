package numevo.targets.seq;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import numevo.dsl.program.Limits;

/**
 * Finds the shortest linear recurrence with constant coefficients, {@code sum_{i=0..L} c_i a(n-i) =
 * 0}, that the training terms over-determine.
 *
 * <p>Berlekamp-Massey runs modulo several primes below 2^31 (the order {@code L} is the one most
 * primes agree on, the larger on a tie); the coefficients are lifted to the rationals by Chinese
 * remaindering and rational reconstruction, scaled to coprime integers, and checked exactly on
 * every training term. A recurrence of order {@code L} is reported only if there are at least
 * {@code 2L + spare} training terms; otherwise, or if the lift fails the exact check, the answer is
 * "none found". A recurrence whose last coefficient is zero keeps its order: its first {@code L}
 * terms are initial terms.
 */
public final class BerlekampMassey {
  /** The solver's name in results. */
  public static final String NAME = "berlekamp-massey";

  private final BmConfig config;

  private BerlekampMassey(BmConfig config) {
    this.config = config;
  }

  /** A solver with the given settings. */
  public static BerlekampMassey of(BmConfig config) {
    return new BerlekampMassey(Objects.requireNonNull(config, "config"));
  }

  /**
   * Looks for a recurrence in the scorer's training terms and scores it on the whole split.
   *
   * @param scorer the scorer of the split sequence
   */
  public SolverResult find(SeqScorer scorer) {
    SequenceSplit split = scorer.split();
    List<BigInteger> s = split.trainTerms();
    int n = s.size();
    long[] primes = Arrays.copyOf(Modular.PRIMES, config.primes());
    long[][] conn = new long[primes.length][];
    int[] order = new int[primes.length];
    for (int i = 0; i < primes.length; i++) {
      long p = primes[i];
      long[] r = new long[n];
      for (int j = 0; j < n; j++) {
        r[j] = Modular.mod(s.get(j), p);
      }
      conn[i] = connection(r, p);
      order[i] = conn[i].length - 1;
    }
    int l = consensus(order);
    if (n < 2 * l + config.spare()) {
      return new SolverResult.NoneFound(
          NAME,
          "the shortest linear recurrence has order "
              + l
              + "; "
              + n
              + " training terms do not over-determine it ("
              + (2 * l + config.spare())
              + " needed)");
    }
    if (l > Limits.MAX_PORTS) {
      return new SolverResult.NoneFound(
          NAME,
          "the shortest linear recurrence has order "
              + l
              + ", more than a kernel's "
              + Limits.MAX_PORTS
              + " inputs");
    }
    int agree = 0;
    for (int o : order) {
      agree += o == l ? 1 : 0;
    }
    long[] agreeing = new long[agree];
    long[][] residues = new long[agree][];
    for (int i = 0, k = 0; i < primes.length; i++) {
      if (order[i] == l) {
        agreeing[k] = primes[i];
        residues[k++] = conn[i];
      }
    }
    BigInteger[] c = Modular.liftVector(residues, agreeing);
    if (c == null || c[0].signum() == 0 || !holds(c, s)) {
      return new SolverResult.NoneFound(
          NAME, "the modular recurrence of order " + l + " does not lift to the integers");
    }
    BigInteger[][] p = new BigInteger[l + 1][];
    for (int i = 0; i <= l; i++) {
      p[i] = new BigInteger[] {c[i]};
    }
    Recurrence rec =
        Recurrence.of(
            RecurrenceKernels.kernel("bm_" + SolverNames.identifier(split.data().id()), p, l),
            RecurrenceKernels.formula(p));
    return new SolverResult.Found(NAME, rec, s.subList(0, l), scorer.score(rec));
  }

  /** The most frequent order, the larger on a tie. */
  private static int consensus(int[] order) {
    int best = -1;
    int bestCount = 0;
    for (int o : order) {
      int count = 0;
      for (int x : order) {
        count += x == o ? 1 : 0;
      }
      if (count > bestCount || (count == bestCount && o > best)) {
        best = o;
        bestCount = count;
      }
    }
    return best;
  }

  /** Whether {@code sum c_i a(n-i) = 0} for every {@code n >= L} of the terms. */
  private static boolean holds(BigInteger[] c, List<BigInteger> s) {
    int l = c.length - 1;
    for (int n = l; n < s.size(); n++) {
      BigInteger sum = BigInteger.ZERO;
      for (int i = 0; i <= l; i++) {
        sum = sum.add(c[i].multiply(s.get(n - i)));
      }
      if (sum.signum() != 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Berlekamp-Massey over GF(p): the connection polynomial {@code C} of the shortest linear
   * recurrence, {@code C[0] = 1}, {@code sum_{i=0..L} C[i] s(n-i) = 0} for {@code n >= L}; its
   * length is {@code L + 1}.
   */
  static long[] connection(long[] s, long p) {
    int n = s.length;
    long[] c = new long[n + 1];
    long[] b = new long[n + 1];
    c[0] = 1;
    b[0] = 1;
    int l = 0;
    int m = 1;
    long bd = 1;
    for (int k = 0; k < n; k++) {
      long d = s[k];
      for (int i = 1; i <= l; i++) {
        d = (d + c[i] * s[k - i]) % p;
      }
      if (d == 0) {
        m++;
        continue;
      }
      long coef = d * Modular.inverse(bd, p) % p;
      long[] t = 2 * l <= k ? c.clone() : null;
      for (int i = 0; i + m <= n; i++) {
        c[i + m] = Math.floorMod(c[i + m] - coef * b[i] % p, p);
      }
      if (t != null) {
        l = k + 1 - l;
        b = t;
        bd = d;
        m = 1;
      } else {
        m++;
      }
    }
    return Arrays.copyOf(c, l + 1);
  }
}
