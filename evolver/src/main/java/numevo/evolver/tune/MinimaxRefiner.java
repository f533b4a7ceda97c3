package numevo.evolver.tune;

import java.util.Arrays;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.RealVector;

/**
 * One step of minimax fitting on a linear model of the error: given the residuals {@code r} of a
 * kernel at n points and their derivatives {@code J} with respect to its d constants, finds the
 * change {@code delta} that minimizes {@code max_j |r_j + (J delta)_j|}.
 *
 * <p>Lawson's algorithm: a sequence of weighted least-squares fits (normal equations, Hipparchus'
 * Cholesky), each point's weight multiplied by its error in the last fit, which drives the weights
 * to the points where a minimax fit equioscillates. It needs only the residuals, so it serves any
 * kernel, not just polynomials; the caller re-linearizes around each accepted step (Gauss-Newton
 * style) so the kernel need not be linear in its constants.
 *
 * <p>A minimax fit is decided by a few points (d + 1 where the error equioscillates), so Lawson
 * runs on a working set: the points a plain least-squares fit leaves worst, plus an even spread of
 * the rest. The fit is then checked on every point; points outside the set that it leaves worse
 * than the set's maximum join the set and the fit is repeated. Lawson on all 1,024 points of a
 * training sample was most of a constant tuning's time.
 */
final class MinimaxRefiner {
  /**
   * Weighted fits per working set at most. Lawson converges linearly, and the ULP climb after the
   * refinement takes the last bits: on 132 kernels from exp2 searches, 12, 20 and 40 fits gave
   * tuned errors within 2.5% of each other (geometric mean over the 51 accurate ones), with no
   * trend.
   */
  static final int ITERATIONS = 12;

  /**
   * Relative gap between the best maximum error and Lawson's lower bound at which a fit stops
   * early.
   */
  static final double CONVERGED = 1e-3;

  /** Points of a least-squares fit's largest errors that start the working set. */
  static final int WORST = 64;

  /** Points of an even spread over the sample that join them. */
  static final int SPREAD = 64;

  /**
   * Points outside the set that a fit leaves worst that join it, per round: this many, or 1/32 of
   * the points if more. With a fixed 32, four rounds on 131,072 points never caught up with the
   * points outside the set and no step was taken (a degree-6 exp2 kernel stayed at 0.917 ULP on
   * that sample; with 4,096 joining per round the step took it to 0.884).
   */
  static final int JOINING = 32;

  /** Rounds of fitting and checking at most. */
  static final int ROUNDS = 4;

  private MinimaxRefiner() {}

  /**
   * The step of least predicted maximum error.
   *
   * @param jacobian {@code jacobian[i][j]}: derivative of residual j with respect to constant i
   * @param r the residuals at the current constants
   * @return the change of each constant, or null if no step predicts an improvement
   */
  static double[] step(double[][] jacobian, double[] r) {
    int d = jacobian.length;
    int n = r.length;
    // Columns scaled to unit norm; constants without influence are left alone.
    double[] scale = new double[d];
    int[] live = new int[d];
    int m = 0;
    for (int i = 0; i < d; i++) {
      double s = 0;
      for (double v : jacobian[i]) {
        s += v * v;
      }
      if (s > 0 && Double.isFinite(s)) {
        scale[i] = 1 / Math.sqrt(s);
        live[m++] = i;
      }
    }
    if (m == 0 || n < m) {
      return null;
    }
    double[][] cols = new double[m][n];
    for (int k = 0; k < m; k++) {
      double sc = scale[live[k]];
      double[] src = jacobian[live[k]];
      for (int j = 0; j < n; j++) {
        cols[k][j] = src[j] * sc;
      }
    }
    double[] e = new double[n];
    boolean[] inSet = new boolean[n];
    int[] set = new int[n];
    int size = 0;
    if (n <= WORST + SPREAD) {
      for (int j = 0; j < n; j++) {
        set[size++] = j;
        inSet[j] = true;
      }
    } else {
      double[] z = new double[m];
      for (int j = 0; j < n; j++) {
        set[j] = j;
      }
      if (!new Fit(cols, r, set, n).run(1, z)) {
        return null;
      }
      residuals(cols, r, z, e);
      size = 0;
      for (int j : largest(e, inSet, WORST)) {
        set[size++] = j;
        inSet[j] = true;
      }
      for (int s = 0; s < SPREAD; s++) {
        int j = (int) ((long) s * n / SPREAD);
        if (!inSet[j]) {
          set[size++] = j;
          inSet[j] = true;
        }
      }
    }
    double bestMax = maxAbs(r);
    double[] bestZ = null;
    double[] z = new double[m];
    for (int round = 0; round < ROUNDS; round++) {
      if (!new Fit(cols, r, set, size).run(ITERATIONS, z)) {
        break;
      }
      residuals(cols, r, z, e);
      double all = 0;
      double inside = 0;
      for (int j = 0; j < n; j++) {
        all = Math.max(all, e[j]);
        if (inSet[j]) {
          inside = Math.max(inside, e[j]);
        }
      }
      if (!(all <= Double.MAX_VALUE)) {
        break;
      }
      if (all < bestMax) {
        bestMax = all;
        bestZ = z.clone();
      }
      if (all <= inside || size == n) {
        break; // no point outside the set is worse than the set's own
      }
      for (int j : largest(e, inSet, Math.max(JOINING, n / 32))) {
        if (e[j] <= inside) {
          break;
        }
        set[size++] = j;
        inSet[j] = true;
      }
    }
    if (bestZ == null) {
      return null;
    }
    double[] delta = new double[d];
    for (int k = 0; k < m; k++) {
      delta[live[k]] = bestZ[k] * scale[live[k]];
    }
    return delta;
  }

  /** {@code e[j] = |r[j] + sum_k cols[k][j] z[k]|} for every point. */
  private static void residuals(double[][] cols, double[] r, double[] z, double[] e) {
    int n = r.length;
    System.arraycopy(r, 0, e, 0, n);
    for (int k = 0; k < cols.length; k++) {
      double zk = z[k];
      double[] col = cols[k];
      for (int j = 0; j < n; j++) {
        e[j] += col[j] * zk;
      }
    }
    for (int j = 0; j < n; j++) {
      e[j] = Math.abs(e[j]);
    }
  }

  /**
   * Up to {@code count} points outside the set with the largest {@code e}, largest first (NaN
   * counts as largest).
   */
  private static int[] largest(double[] e, boolean[] inSet, int count) {
    int n = e.length;
    int[] out = new int[count];
    double[] value = new double[count];
    int size = 0;
    for (int j = 0; j < n; j++) {
      if (inSet[j]) {
        continue;
      }
      double v = Double.isNaN(e[j]) ? Double.POSITIVE_INFINITY : e[j];
      if (size == count && v <= value[size - 1]) {
        continue;
      }
      // Insertion into the short sorted list: count is a few dozen, most points fail the test.
      int at = size == count ? size - 1 : size++;
      while (at > 0 && value[at - 1] < v) {
        value[at] = value[at - 1];
        out[at] = out[at - 1];
        at--;
      }
      value[at] = v;
      out[at] = j;
    }
    return Arrays.copyOf(out, size);
  }

  /** Lawson's iteration on a subset of the points. */
  private static final class Fit {
    private final int m;
    private final int size;
    private final double[][] products;
    private final double[][] cols;
    private final double[] r;

    /**
     * Weighted least squares by the normal equations (m x m): columns are unit-scaled, so their
     * squared condition stays far inside double precision for the refinement this is. The products
     * of column pairs (and of each column with r) do not change between fits, so each fit's entries
     * are dot products of the weights with fixed vectors.
     */
    Fit(double[][] allCols, double[] allR, int[] set, int size) {
      this.m = allCols.length;
      this.size = size;
      this.cols = new double[m][size];
      this.r = new double[size];
      for (int a = 0; a < size; a++) {
        r[a] = allR[set[a]];
      }
      for (int k = 0; k < m; k++) {
        for (int a = 0; a < size; a++) {
          cols[k][a] = allCols[k][set[a]];
        }
      }
      int pairs = m * (m + 1) / 2;
      products = new double[pairs + m][size];
      for (int p = 0, k = 0; p < m; p++) {
        double[] cp = cols[p];
        for (int q = 0; q <= p; q++, k++) {
          double[] cq = cols[q];
          double[] out = products[k];
          for (int a = 0; a < size; a++) {
            out[a] = cp[a] * cq[a];
          }
        }
        double[] out = products[pairs + p];
        for (int a = 0; a < size; a++) {
          out[a] = -cp[a] * r[a];
        }
      }
    }

    /**
     * Runs up to {@code iterations} weighted fits from uniform weights.
     *
     * @param z receives the fit of least maximum error on the subset
     * @return false if no fit could be made (singular equations, non-finite errors)
     */
    boolean run(int iterations, double[] z) {
      int pairs = m * (m + 1) / 2;
      double[] w = new double[size];
      Arrays.fill(w, 1.0 / size);
      double[][] ata = new double[m][m];
      double[] atb = new double[m];
      double[] x = new double[m];
      double[] e = new double[size];
      double bestMax = Double.POSITIVE_INFINITY;
      for (int it = 0; it < iterations; it++) {
        for (int p = 0, k = 0; p < m; p++) {
          for (int q = 0; q <= p; q++, k++) {
            double v = dot(w, products[k]);
            ata[p][q] = v;
            ata[q][p] = v;
          }
          atb[p] = dot(w, products[pairs + p]);
        }
        if (!solve(ata, atb, x)) {
          break;
        }
        System.arraycopy(r, 0, e, 0, size);
        for (int k = 0; k < m; k++) {
          double xk = x[k];
          double[] col = cols[k];
          for (int a = 0; a < size; a++) {
            e[a] += col[a] * xk;
          }
        }
        double max = 0;
        double weighted = 0;
        for (int a = 0; a < size; a++) {
          double v = e[a];
          weighted += w[a] * v * v;
          e[a] = Math.abs(v);
          max = Math.max(max, e[a]);
        }
        if (!(max <= Double.MAX_VALUE)) {
          break;
        }
        if (max < bestMax) {
          bestMax = max;
          System.arraycopy(x, 0, z, 0, m);
        }
        // The weights sum to 1, so the weighted fit's root mean square error is a lower bound of
        // the model's minimax error on the subset: stop once the best is close to it.
        if (bestMax <= Math.sqrt(weighted) * (1 + CONVERGED)) {
          break;
        }
        double sum = 0;
        for (int a = 0; a < size; a++) {
          w[a] *= e[a];
          sum += w[a];
        }
        if (!(sum > 0)) {
          break; // a perfect fit of the model
        }
        double inverse = 1 / sum;
        for (int a = 0; a < size; a++) {
          w[a] *= inverse;
        }
      }
      return bestMax < Double.POSITIVE_INFINITY;
    }
  }

  /** A dot product in four independent sums, so that it is not bound by the latency of adds. */
  private static double dot(double[] a, double[] b) {
    int n = a.length;
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int j = 0;
    for (; j + 3 < n; j += 4) {
      s0 += a[j] * b[j];
      s1 += a[j + 1] * b[j + 1];
      s2 += a[j + 2] * b[j + 2];
      s3 += a[j + 3] * b[j + 3];
    }
    for (; j < n; j++) {
      s0 += a[j] * b[j];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /**
   * Solves the symmetric positive definite system {@code a x = b} by Hipparchus' Cholesky.
   *
   * @return false if the matrix is singular or not positive definite
   */
  private static boolean solve(double[][] a, double[] b, double[] x) {
    RealVector v;
    try {
      v =
          new CholeskyDecomposition(new Array2DRowRealMatrix(a, true), 1e-15, 1e-15)
              .getSolver()
              .solve(new ArrayRealVector(b, true));
    } catch (MathIllegalArgumentException singular) {
      return false;
    }
    for (int k = 0; k < x.length; k++) {
      x[k] = v.getEntry(k);
    }
    return true;
  }

  private static double maxAbs(double[] r) {
    double m = 0;
    for (double v : r) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }
}
