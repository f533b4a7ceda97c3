package numevo.evolver.tune;

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
 */
final class MinimaxRefiner {
  /** Weighted fits per step; Lawson converges linearly, a few dozen suffice at this precision. */
  static final int ITERATIONS = 40;

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
    double start = maxAbs(r);
    double[] w = new double[n];
    java.util.Arrays.fill(w, 1.0 / n);
    // Weighted least squares by the normal equations (m x m, m = live constants <= a few
    // dozen): forming them costs n m^2 per fit, against a QR of the n x m matrix per fit, which
    // made these fits most of a tuning's time. Columns are unit-scaled, so their squared
    // condition stays far inside double precision for the refinement this is.
    double[][] cols = new double[m][n];
    for (int k = 0; k < m; k++) {
      double sc = scale[live[k]];
      double[] src = jacobian[live[k]];
      for (int j = 0; j < n; j++) {
        cols[k][j] = src[j] * sc;
      }
    }
    double[][] ata = new double[m][m];
    double[] atb = new double[m];
    double[] e = new double[n];
    double[] best = null;
    double bestMax = start;
    for (int it = 0; it < ITERATIONS; it++) {
      for (int p = 0; p < m; p++) {
        double[] cp = cols[p];
        double sb = 0;
        for (int j = 0; j < n; j++) {
          sb -= w[j] * cp[j] * r[j];
        }
        atb[p] = sb;
        for (int q = 0; q <= p; q++) {
          double[] cq = cols[q];
          double sum = 0;
          for (int j = 0; j < n; j++) {
            sum += w[j] * cp[j] * cq[j];
          }
          ata[p][q] = sum;
          ata[q][p] = sum;
        }
      }
      RealVector z;
      try {
        z =
            new CholeskyDecomposition(new Array2DRowRealMatrix(ata, true), 1e-15, 1e-15)
                .getSolver()
                .solve(new ArrayRealVector(atb, false));
      } catch (MathIllegalArgumentException singular) {
        break;
      }
      double[] delta = new double[d];
      for (int k = 0; k < m; k++) {
        delta[live[k]] = z.getEntry(k) * scale[live[k]];
      }
      double sum = 0;
      double max = 0;
      for (int j = 0; j < n; j++) {
        double v = r[j];
        for (int i = 0; i < d; i++) {
          v += jacobian[i][j] * delta[i];
        }
        e[j] = Math.abs(v);
        max = Math.max(max, e[j]);
      }
      if (!(max <= Double.MAX_VALUE)) {
        break;
      }
      if (max < bestMax) {
        bestMax = max;
        best = delta;
      }
      for (int j = 0; j < n; j++) {
        w[j] *= e[j];
        sum += w[j];
      }
      if (!(sum > 0)) {
        break; // a perfect fit of the model
      }
      for (int j = 0; j < n; j++) {
        w[j] /= sum;
      }
    }
    return best;
  }

  private static double maxAbs(double[] r) {
    double m = 0;
    for (double v : r) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }
}
