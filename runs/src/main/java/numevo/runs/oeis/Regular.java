package numevo.runs.oeis;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import numevo.targets.seq.SequenceData;

/**
 * The divide-and-conquer guesser ({@link Method#REGULAR}): for a base {@code k} in {@link #BASES}
 * and each residue {@code r < k}, a recurrence {@code a(kn + r) = c1 a(n) + c2 a(n+1) + c3
 * a(kn+r-1) + c4 n + c5} with rational constants, any subset of those five terms (binary weight,
 * Thue-Morse, Stern's diatomic, binary partitions, {@code a(n) = a(floor(n/2)) + n}, digit sums in
 * base 10). The first term is taken as {@code a(0)}, else as {@code a(1)}.
 *
 * <p>Per residue, the subsets are tried smallest first; the first whose unique exact solution
 * (fraction-free elimination over {@link BigInteger}s; a subset of linearly dependent columns is
 * skipped) reproduces every training equation with at least {@link #SPARE} more equations than
 * unknowns is chosen. Every residue must have one. The held-out terms are then predicted in order,
 * each from earlier (training or already predicted) terms; a non-integer value is a mismatch.
 */
final class Regular {
  /** The bases tried, in order. */
  static final int[] BASES = {2, 3, 10};

  /** The equations a residue's recurrence needs beyond its unknowns. */
  static final int SPARE = 4;

  private static final int FEATURES = 5;
  private static final String[] NAMES = {"a(n)", "a(n+1)", "a(m-1)", "n", "1"};

  private Regular() {}

  /** Guesses on the training terms and scores on the held-out ones. */
  static Stage find(SequenceData data, int heldOut) {
    for (int k : BASES) {
      for (int offset = 0; offset <= 1; offset++) {
        Stage s = find(data, heldOut, k, offset);
        if (s.chose()) {
          return s;
        }
      }
    }
    return Stage.none();
  }

  private static Stage find(SequenceData data, int heldOut, int k, int offset) {
    int n = data.size();
    int train = n - heldOut;
    BigInteger[] a = data.terms().toArray(BigInteger[]::new);
    Fit[] fits = new Fit[k];
    for (int r = 0; r < k; r++) {
      List<BigInteger[]> rows = new ArrayList<>();
      for (int i = 0; i < train; i++) {
        BigInteger[] f = features(a, i, k, r, offset);
        if (f != null) {
          rows.add(f);
        }
      }
      fits[r] = Fit.choose(rows);
      if (fits[r] == null) {
        return Stage.none();
      }
    }
    BigInteger[] pred = a.clone();
    int predicted = 0;
    boolean match = true;
    for (int i = train; i < n; i++) {
      int m = i + offset;
      BigInteger[] f = features(pred, i, k, m % k, offset);
      BigInteger v = f == null ? null : fits[m % k].at(f);
      if (v == null) {
        // A held-out term the recurrence cannot reach: no prediction at all.
        return Stage.none();
      }
      pred[i] = v;
      if (match && v.equals(a[i])) {
        predicted++;
      } else {
        match = false;
      }
    }
    StringBuilder b = new StringBuilder("m = " + k + "n + r, a(" + (offset == 0 ? "0" : "1"));
    b.append(") first");
    for (int r = 0; r < k; r++) {
      b.append("; r = ").append(r).append(": a(m) = ").append(fits[r].describe());
    }
    return Stage.found(
        predicted == heldOut, predicted, Method.REGULAR.label() + ": base " + k, b.toString());
  }

  /**
   * The row {@code [a(n), a(n+1), a(m-1), n, 1, a(m)]} for the term at position {@code i} (index
   * {@code m = i + offset}) if {@code m = kn + r} with {@code n >= 1} and every index earlier than
   * {@code m} and listed; else null.
   */
  private static BigInteger[] features(BigInteger[] a, int i, int k, int r, int offset) {
    int m = i + offset;
    if (m % k != r) {
      return null;
    }
    int q = m / k;
    if (q < 1 || q + 1 >= m || q - offset < 0 || m - 1 - offset < 0) {
      return null;
    }
    return new BigInteger[] {
      a[q - offset],
      a[q + 1 - offset],
      a[m - 1 - offset],
      BigInteger.valueOf(q),
      BigInteger.ONE,
      a[i]
    };
  }

  /** One residue's recurrence: the chosen columns and their rational coefficients. */
  private record Fit(int[] cols, BigInteger[] num, BigInteger den) {

    static Fit choose(List<BigInteger[]> rows) {
      for (int size = 1; size <= FEATURES; size++) {
        if (rows.size() < size + SPARE) {
          return null;
        }
        for (int mask = 1; mask < 1 << FEATURES; mask++) {
          if (Integer.bitCount(mask) != size) {
            continue;
          }
          Fit f = solve(rows, mask);
          if (f != null) {
            return f;
          }
        }
      }
      return null;
    }

    /** The unique solution on these columns that fits every row, or null. */
    private static Fit solve(List<BigInteger[]> rows, int mask) {
      int s = Integer.bitCount(mask);
      int[] cols = new int[s];
      for (int c = 0, j = 0; c < FEATURES; c++) {
        if ((mask & (1 << c)) != 0) {
          cols[j++] = c;
        }
      }
      int h = rows.size();
      BigInteger[][] m = new BigInteger[h][s + 1];
      for (int i = 0; i < h; i++) {
        for (int j = 0; j < s; j++) {
          m[i][j] = rows.get(i)[cols[j]];
        }
        m[i][s] = rows.get(i)[FEATURES];
      }
      int row = 0;
      for (int c = 0; c < s; c++) {
        int p = row;
        while (p < h && m[p][c].signum() == 0) {
          p++;
        }
        if (p == h) {
          return null; // dependent columns: a smaller subset covers it
        }
        BigInteger[] t = m[p];
        m[p] = m[row];
        m[row] = t;
        for (int i = row + 1; i < h; i++) {
          if (m[i][c].signum() == 0) {
            continue;
          }
          BigInteger x = m[i][c];
          BigInteger y = m[row][c];
          BigInteger g = BigInteger.ZERO;
          for (int j = c; j <= s; j++) {
            m[i][j] = m[i][j].multiply(y).subtract(m[row][j].multiply(x));
            g = g.gcd(m[i][j]);
          }
          if (g.signum() != 0 && !g.equals(BigInteger.ONE)) {
            for (int j = c; j <= s; j++) {
              m[i][j] = m[i][j].divide(g);
            }
          }
        }
        row++;
      }
      for (int i = s; i < h; i++) {
        if (m[i][s].signum() != 0) {
          return null;
        }
      }
      // Back substitution with a common denominator: x_j = num[j] / den.
      BigInteger[] num = new BigInteger[s];
      BigInteger den = BigInteger.ONE;
      for (int c = s - 1; c >= 0; c--) {
        // m[c][c] x_c = m[c][s] - sum_{j>c} m[c][j] x_j, x_j = num[j] / den
        BigInteger rhs = m[c][s].multiply(den);
        for (int j = c + 1; j < s; j++) {
          rhs = rhs.subtract(m[c][j].multiply(num[j]));
        }
        // x_c = rhs / (den * m[c][c]); put all on denominator den * m[c][c]
        BigInteger d = m[c][c];
        for (int j = c + 1; j < s; j++) {
          num[j] = num[j].multiply(d);
        }
        num[c] = rhs;
        den = den.multiply(d);
        BigInteger g = den;
        for (int j = c; j < s; j++) {
          g = g.gcd(num[j]);
        }
        if (g.signum() != 0 && !g.equals(BigInteger.ONE)) {
          for (int j = c; j < s; j++) {
            num[j] = num[j].divide(g);
          }
          den = den.divide(g);
        }
      }
      if (den.signum() < 0) {
        den = den.negate();
        for (int j = 0; j < s; j++) {
          num[j] = num[j].negate();
        }
      }
      Fit f = new Fit(cols, num, den);
      for (BigInteger[] r : rows) {
        BigInteger v = f.at(r);
        if (v == null || !v.equals(r[FEATURES])) {
          return null;
        }
      }
      return f;
    }

    /** The recurrence's value on a feature row, or null if not an integer. */
    BigInteger at(BigInteger[] f) {
      BigInteger v = BigInteger.ZERO;
      for (int j = 0; j < cols.length; j++) {
        v = v.add(num[j].multiply(f[cols[j]]));
      }
      BigInteger[] qr = v.divideAndRemainder(den);
      return qr[1].signum() == 0 ? qr[0] : null;
    }

    String describe() {
      StringBuilder b = new StringBuilder("(");
      for (int j = 0; j < cols.length; j++) {
        b.append(j == 0 ? "" : " + ").append(num[j]).append("*").append(NAMES[cols[j]]);
      }
      return b.append(")").append(den.equals(BigInteger.ONE) ? "" : "/" + den).toString();
    }
  }
}
