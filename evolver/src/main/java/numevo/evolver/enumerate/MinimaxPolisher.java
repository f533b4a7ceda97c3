package numevo.evolver.enumerate;

import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.util.Pair;

/**
 * Polishes a skeleton's constants towards the minimax of {@code r_p = (f(x_p) - exact_p) * scale_p}
 * (one input, binary64 evaluation): Lawson's iteration (weights multiplied by {@code |r_p|} after
 * each step), each step a weighted least-squares fit by Hipparchus' Levenberg-Marquardt (MINPACK's,
 * QR-based, so the badly scaled constants of composed kernels do not meet the squared condition of
 * normal equations), with exact derivatives by forward mode. Keeps the constants of the smallest
 * maximum seen. Points where the kernel or a derivative is not finite take no part in the steps but
 * count in the maximum.
 */
public final class MinimaxPolisher {
  private final double[] x;
  private final double[] exact;
  private final double[] scale;

  /**
   * @param x the points (not copied)
   * @param exact the exact values (not copied)
   * @param scale the inverse error units (not copied)
   */
  public MinimaxPolisher(double[] x, double[] exact, double[] scale) {
    this.x = x;
    this.exact = exact;
    this.scale = scale;
  }

  /**
   * Polishes from {@code start} (not modified) for {@code rounds} Lawson rounds.
   *
   * @return the best constants seen and their maximum |r| (the start's if nothing was better)
   */
  public SkeletonFitter.Fit polish(Skeleton s, double[] start, int rounds) {
    int n = x.length;
    int k = s.constants();
    double[] val = new double[n];
    double[][] jac = new double[n][k];
    double[] best = start.clone();
    double bestErr = evaluate(s, best, val, null);
    if (k == 0 || !(bestErr < Double.POSITIVE_INFINITY)) {
      return new SkeletonFitter.Fit(best, bestErr);
    }
    double[] w = new double[n];
    java.util.Arrays.fill(w, 1.0);
    double[] c = start.clone();
    for (int round = 0; round < rounds; round++) {
      double[] sw = new double[n];
      double[] target = new double[n];
      for (int p = 0; p < n; p++) {
        sw[p] = Math.sqrt(w[p]);
        target[p] = Double.isFinite(exact[p] * scale[p]) ? sw[p] * exact[p] * scale[p] : 0;
      }
      double[][] seen = new double[1][];
      double[] seenCost = {Double.POSITIVE_INFINITY};
      LeastSquaresBuilder b =
          new LeastSquaresBuilder()
              .start(c)
              .target(target)
              .maxEvaluations(400)
              .maxIterations(400)
              .model(
                  point -> {
                    double[] cc = point.toArray();
                    evaluate(s, cc, val, jac);
                    double[] v = new double[n];
                    double[][] j = new double[n][k];
                    double cost = 0;
                    for (int p = 0; p < n; p++) {
                      boolean ok = Double.isFinite(val[p]) && sw[p] > 0;
                      for (int q = 0; q < k && ok; q++) {
                        ok = Double.isFinite(jac[p][q]);
                      }
                      if (ok) {
                        v[p] = sw[p] * val[p] * scale[p];
                        for (int q = 0; q < k; q++) {
                          j[p][q] = sw[p] * jac[p][q] * scale[p];
                        }
                      } else {
                        v[p] = target[p];
                      }
                      cost += (v[p] - target[p]) * (v[p] - target[p]);
                    }
                    if (cost < seenCost[0]) {
                      seenCost[0] = cost;
                      seen[0] = cc.clone();
                    }
                    return new Pair<>(
                        new ArrayRealVector(v, false), new Array2DRowRealMatrix(j, false));
                  });
      double[] next;
      try {
        LeastSquaresOptimizer.Optimum o =
            new LevenbergMarquardtOptimizer()
                .withCostRelativeTolerance(1e-15)
                .withParameterRelativeTolerance(1e-15)
                .withOrthoTolerance(1e-15)
                .optimize(b.build());
        next = o.getPoint().toArray();
      } catch (MathIllegalStateException e) {
        // Out of evaluations: go on from the best point the optimizer evaluated.
        if (seen[0] == null) {
          break;
        }
        next = seen[0];
      }
      double e = evaluate(s, next, val, null);
      if (!(e < Double.POSITIVE_INFINITY)) {
        break;
      }
      c = next;
      if (e < bestErr) {
        bestErr = e;
        best = next.clone();
      }
      double sum = 0;
      for (int p = 0; p < n; p++) {
        double r = Math.abs((val[p] - exact[p]) * scale[p]);
        w[p] *= Double.isFinite(r) ? r : 0;
        sum += w[p];
      }
      if (!(sum > 0) || !Double.isFinite(sum)) {
        break;
      }
      double max = 0;
      for (int p = 0; p < n; p++) {
        w[p] /= sum;
        max = Math.max(max, w[p]);
      }
      for (int p = 0; p < n; p++) {
        w[p] = Math.max(w[p], 1e-9 * max);
      }
    }
    return new SkeletonFitter.Fit(best, bestErr);
  }

  /**
   * Evaluates {@code s} at every point into {@code val} (and its derivatives by the constants into
   * {@code jac} if not null); returns the maximum |r| (infinite if a value is not finite).
   */
  private double evaluate(Skeleton s, double[] c, double[] val, double[][] jac) {
    int ops = s.size();
    int k = s.constants();
    double[] v = new double[ops + 1];
    double[][] d = new double[ops + 1][k];
    double max = 0;
    for (int p = 0; p < x.length; p++) {
      v[0] = x[p];
      java.util.Arrays.fill(d[0], 0);
      int ci = 0;
      for (int i = 0; i < ops; i++) {
        int li = s.left(i);
        int ri = s.right(i);
        int lc = li == Skeleton.CONST ? ci++ : -1;
        int rc = ri == Skeleton.CONST ? ci++ : -1;
        double a = lc >= 0 ? c[lc] : v[li];
        double bb = rc >= 0 ? c[rc] : v[ri];
        double r = s.op(i).apply(a, bb);
        v[i + 1] = r;
        if (jac != null) {
          double[] out = d[i + 1];
          for (int q = 0; q < k; q++) {
            double da = lc >= 0 ? (q == lc ? 1 : 0) : d[li][q];
            double db = rc >= 0 ? (q == rc ? 1 : 0) : d[ri][q];
            out[q] =
                switch (s.op(i)) {
                  case ADD -> da + db;
                  case SUB -> da - db;
                  case MUL -> da * bb + a * db;
                  case DIV -> (da - r * db) / bb;
                };
          }
        }
      }
      val[p] = v[ops];
      if (jac != null) {
        System.arraycopy(d[ops], 0, jac[p], 0, k);
      }
      double e = Math.abs((v[ops] - exact[p]) * scale[p]);
      if (!(e <= Double.MAX_VALUE)) {
        max = Double.POSITIVE_INFINITY;
      } else {
        max = Math.max(max, e);
      }
    }
    return max;
  }
}
