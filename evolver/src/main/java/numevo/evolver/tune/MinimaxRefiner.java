package numevo.evolver.tune;

import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealVector;

/**
 * One step of minimax fitting on a linear model of the error: given the residuals {@code r} of a
 * kernel at n points and their derivatives {@code J} with respect to its d constants, finds the
 * change {@code delta} that minimizes {@code max_j |r_j + (J delta)_j|}.
 *
 * <p>Lawson's algorithm: a sequence of weighted least-squares fits (Hipparchus' QR), each point's
 * weight multiplied by its error in the last fit, which drives the weights to the points where a
 * minimax fit equioscillates. It needs only the residuals, so it serves any kernel, not just
 * polynomials; the caller re-linearizes around each accepted step (Gauss-Newton style) so the
 * kernel need not be linear in its constants.
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
    double[][] a = new double[n][m];
    double[] b = new double[n];
    double[] e = new double[n];
    double[] best = null;
    double bestMax = start;
    for (int it = 0; it < ITERATIONS; it++) {
      for (int j = 0; j < n; j++) {
        double sw = Math.sqrt(w[j]);
        for (int k = 0; k < m; k++) {
          a[j][k] = sw * jacobian[live[k]][j] * scale[live[k]];
        }
        b[j] = -sw * r[j];
      }
      RealVector z;
      try {
        z =
            new QRDecomposition(new Array2DRowRealMatrix(a, false), 1e-14)
                .getSolver()
                .solve(new ArrayRealVector(b, false));
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
