package numevo.runs.oeis;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import numevo.targets.seq.SequenceData;

/**
 * Triangular sequence transforms for {@link Guesses}: each {@code b(n)} depends on {@code a(0..n)}
 * only and {@code a(n)} on {@code b(0..n)} only (a unit diagonal), so a transformed sequence's
 * training terms come from the original's training terms, and its held-out terms determine exactly
 * the original's held-out terms. All exact.
 */
final class Transforms {
  private Transforms() {}

  /**
   * The binomial transform {@code b(n) = sum_k C(n, k) a(k)} ({@code sign = 1}) or the inverse
   * binomial transform {@code b(n) = sum_k (-1)^(n-k) C(n, k) a(k)} ({@code sign = -1}).
   */
  static SequenceData binomial(SequenceData data, int sign) {
    int n = data.size();
    List<BigInteger> b = new ArrayList<>();
    BigInteger[] row = new BigInteger[n];
    for (int m = 0; m < n; m++) {
      row[m] = BigInteger.ONE;
      for (int k = m - 1; k > 0; k--) {
        row[k] = row[k].add(row[k - 1]);
      }
      BigInteger s = BigInteger.ZERO;
      for (int k = 0; k <= m; k++) {
        BigInteger t = row[k].multiply(data.term(k));
        s = sign < 0 && (m - k) % 2 == 1 ? s.subtract(t) : s.add(t);
      }
      b.add(s);
    }
    return SequenceData.of(data.id() + (sign < 0 ? "_ibinom" : "_binom"), data.offset(), b);
  }

  /**
   * The inverse exponential transform (the logarithmic transform) of {@code a(0..N-1)} with {@code
   * a(0) = 1}: {@code b(1..N-1)} with {@code sum a(n) x^n / n! = exp(sum b(n) x^n / n!)}, i.e.
   * {@code a(n) = sum_{k=1..n} C(n-1, k-1) b(k) a(n-k)}; null if {@code a(0) != 1}. Set partitions
   * into blocks of {@code b(k)} kinds (Bell numbers: all ones).
   */
  static SequenceData inverseExp(SequenceData data) {
    int n = data.size();
    if (n < 3 || !data.term(0).equals(BigInteger.ONE)) {
      return null;
    }
    BigInteger[] b = new BigInteger[n];
    BigInteger[] row = new BigInteger[n];
    List<BigInteger> out = new ArrayList<>();
    for (int m = 1; m < n; m++) {
      // row = C(m-1, 0..m-1)
      row[m - 1] = BigInteger.ONE;
      for (int k = m - 2; k > 0; k--) {
        row[k] = row[k].add(row[k - 1]);
      }
      BigInteger v = data.term(m);
      for (int k = 1; k < m; k++) {
        v = v.subtract(row[k - 1].multiply(b[k]).multiply(data.term(m - k)));
      }
      b[m] = v;
      out.add(v);
    }
    return SequenceData.of(data.id() + "_iexp", 1, out);
  }

  /**
   * The inverse INVERT transform of {@code a(0..N-1)} with {@code a(0) = 1}: {@code b(1..N-1)} with
   * {@code sum a(n) x^n = 1 / (1 - sum b(n) x^n)} (compositions into parts of {@code b(k)} kinds);
   * null if {@code a(0) != 1}.
   */
  static SequenceData inverseInvert(SequenceData data) {
    int n = data.size();
    if (n < 3 || !data.term(0).equals(BigInteger.ONE)) {
      return null;
    }
    BigInteger[] b = new BigInteger[n];
    List<BigInteger> out = new ArrayList<>();
    for (int m = 1; m < n; m++) {
      BigInteger v = data.term(m);
      for (int k = 1; k < m; k++) {
        v = v.subtract(b[k].multiply(data.term(m - k)));
      }
      b[m] = v;
      out.add(v);
    }
    return SequenceData.of(data.id() + "_iinvert", 1, out);
  }

  /**
   * The Euler transform of {@code a(1..N)} (the first term taken as {@code a(1)}): {@code c(1..N)}
   * with {@code 1 + sum c(n) x^n = prod_k (1 - x^k)^(-a(k))} (multisets of parts of {@code a(k)}
   * kinds), by {@code n c(n) = sum_{k=1..n} s(k) c(n-k)}, {@code s(k) = sum_{d|k} d a(d)}.
   */
  static SequenceData euler(SequenceData data) {
    int n = data.size();
    BigInteger[] s = new BigInteger[n + 1];
    for (int k = 1; k <= n; k++) {
      BigInteger x = BigInteger.ZERO;
      for (int d = 1; d <= k; d++) {
        if (k % d == 0) {
          x = x.add(BigInteger.valueOf(d).multiply(data.term(d - 1)));
        }
      }
      s[k] = x;
    }
    BigInteger[] c = new BigInteger[n + 1];
    c[0] = BigInteger.ONE;
    List<BigInteger> out = new ArrayList<>();
    for (int m = 1; m <= n; m++) {
      BigInteger x = BigInteger.ZERO;
      for (int k = 1; k <= m; k++) {
        x = x.add(s[k].multiply(c[m - k]));
      }
      c[m] = x.divide(BigInteger.valueOf(m));
      out.add(c[m]);
    }
    return SequenceData.of(data.id() + "_euler", 1, out);
  }

  /** The sequence with {@code 1} put in front (for a sequence listed from {@code n = 1}). */
  static SequenceData withOne(SequenceData data) {
    List<BigInteger> t = new ArrayList<>(data.terms());
    t.addFirst(BigInteger.ONE);
    return SequenceData.of(data.id() + "_1", data.offset(), t);
  }
}
