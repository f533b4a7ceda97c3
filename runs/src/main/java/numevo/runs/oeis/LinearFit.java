package numevo.runs.oeis;

import java.math.BigInteger;
import java.util.List;

/**
 * An exact linear relation {@code y = sum_j c_j x_j} with rational constants on a chosen subset of
 * feature columns, fitted to rows {@code [x_0 .. x_{F-1}, y]} of {@link BigInteger}s. {@link
 * #choose} tries the subsets smallest first (then in column order) and returns the first whose
 * unique solution (fraction-free elimination; a subset whose columns are linearly dependent on the
 * rows is skipped) reproduces every row, with at least {@code spare} more rows than unknowns.
 *
 * @param cols the chosen columns
 * @param num the coefficients' numerators, over {@code den}
 * @param den the common denominator, positive
 */
record LinearFit(int[] cols, BigInteger[] num, BigInteger den) {

  /**
   * The smallest exact relation on the rows, or null.
   *
   * @param rows each {@code features + 1} long, the last entry the value
   * @param features the feature columns, at most 16
   * @param spare the rows needed beyond the unknowns
   */
  static LinearFit choose(List<BigInteger[]> rows, int features, int spare) {
    if (rows.size() < 1 + spare || !consistent(rows, features)) {
      return null;
    }
    for (int size = 1; size <= features; size++) {
      if (rows.size() < size + spare) {
        return null;
      }
      for (int mask = 1; mask < 1 << features; mask++) {
        if (Integer.bitCount(mask) != size) {
          continue;
        }
        LinearFit f = solve(rows, features, mask);
        if (f != null) {
          return f;
        }
      }
    }
    return null;
  }

  /**
   * Whether some combination of all the feature columns reproduces every row (rank of the features
   * equals rank with the values): no subset fits if the whole set does not, so one elimination
   * rules out every subset.
   */
  private static boolean consistent(List<BigInteger[]> rows, int features) {
    int h = rows.size();
    BigInteger[][] m = new BigInteger[h][];
    for (int i = 0; i < h; i++) {
      m[i] = rows.get(i).clone();
    }
    int row = 0;
    for (int c = 0; c < features && row < h; c++) {
      int p = row;
      while (p < h && m[p][c].signum() == 0) {
        p++;
      }
      if (p == h) {
        continue;
      }
      BigInteger[] t = m[p];
      m[p] = m[row];
      m[row] = t;
      eliminateBelow(m, row, c, features);
      row++;
    }
    for (int i = row; i < h; i++) {
      if (m[i][features].signum() != 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Fraction-free elimination of column {@code c} below the pivot row {@code row}: each lower row
   * becomes {@code pivot * it - its entry * pivot row} on columns {@code c..last}, divided by the
   * gcd of its entries (exact: BigIntegers, no fractions).
   */
  private static void eliminateBelow(BigInteger[][] m, int row, int c, int last) {
    for (int i = row + 1; i < m.length; i++) {
      if (m[i][c].signum() == 0) {
        continue;
      }
      BigInteger x = m[i][c];
      BigInteger y = m[row][c];
      BigInteger g = BigInteger.ZERO;
      for (int j = c; j <= last; j++) {
        m[i][j] = m[i][j].multiply(y).subtract(m[row][j].multiply(x));
        g = g.gcd(m[i][j]);
      }
      if (g.signum() != 0 && !g.equals(BigInteger.ONE)) {
        for (int j = c; j <= last; j++) {
          m[i][j] = m[i][j].divide(g);
        }
      }
    }
  }

  /** The unique solution on these columns that fits every row, or null. */
  private static LinearFit solve(List<BigInteger[]> rows, int features, int mask) {
    int s = Integer.bitCount(mask);
    int[] cols = new int[s];
    for (int c = 0, j = 0; c < features; c++) {
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
      m[i][s] = rows.get(i)[features];
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
      eliminateBelow(m, row, c, s);
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
      BigInteger rhs = m[c][s].multiply(den);
      for (int j = c + 1; j < s; j++) {
        rhs = rhs.subtract(m[c][j].multiply(num[j]));
      }
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
    LinearFit f = new LinearFit(cols, num, den);
    for (BigInteger[] r : rows) {
      BigInteger v = f.at(r);
      if (v == null || !v.equals(r[features])) {
        return null;
      }
    }
    return f;
  }

  /** The relation's value on a feature row, or null if not an integer. */
  BigInteger at(BigInteger[] f) {
    BigInteger v = BigInteger.ZERO;
    for (int j = 0; j < cols.length; j++) {
      v = v.add(num[j].multiply(f[cols[j]]));
    }
    BigInteger[] qr = v.divideAndRemainder(den);
    return qr[1].signum() == 0 ? qr[0] : null;
  }

  /** The relation written with the features' names. */
  String describe(String[] names) {
    StringBuilder b = new StringBuilder("(");
    for (int j = 0; j < cols.length; j++) {
      b.append(j == 0 ? "" : " + ").append(num[j]).append("*").append(names[cols[j]]);
    }
    return b.append(")").append(den.equals(BigInteger.ONE) ? "" : "/" + den).toString();
  }
}
