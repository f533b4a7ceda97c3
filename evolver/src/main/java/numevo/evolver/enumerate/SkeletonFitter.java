package numevo.evolver.enumerate;

import java.util.SplittableRandom;

/**
 * Fits a {@link Skeleton}'s constants to the minimax of a signed error on fixed points: {@code r_p
 * = (y_p - exact_p) * scale_p}, where {@code y_p} is the skeleton evaluated in binary64 and {@code
 * scale_p} the inverse unit of the target's error (1/|exact| for relative error, 1/ulp for ULPs).
 *
 * <p>Method: from several seeded starts (all ones, all minus ones, alternating +-2 and -+0.5, then
 * constants of random sign and log-normal magnitude), Levenberg-Marquardt on the sum of squares,
 * with exact derivatives (forward mode through the ops); the best starts are then refined towards
 * the minimax by Lawson's iteration (weights multiplied by |r_p| after each weighted
 * Levenberg-Marquardt step), keeping the constants of the smallest maximum seen. Columns are
 * allocated once per fitter: not thread-safe, one per thread.
 */
public final class SkeletonFitter {
  private final int inputs;
  private final int points;
  private final double[][] xs;
  private final double[] exact;
  private final double[] scale;
  private final int maxOps;
  private final int maxConsts;
  private final FitConfig config;

  // value v at point p: val[v * points + p]; d value v / d constant j: der[(v * maxConsts + j) *
  // points + p]
  private final double[] val;
  private final double[] der;
  private final double[] r;
  private final double[] w;
  private final double[] ws;
  private final double[] a;
  private final double[] g;
  private final double[] chol;
  private final double[] step;

  /**
   * How hard a fit tries.
   *
   * @param samples candidate starts drawn (all ones, all minus ones, alternating +-2 and -+0.5,
   *     then random signs and log-normal magnitudes), of which the {@code starts} with the smallest
   *     sum of squares are optimized
   * @param starts starts optimized, {@code >= 1}
   * @param lsIterations Levenberg-Marquardt iterations per start
   * @param refined how many of the best starts the minimax refinement takes, {@code >= 1}
   * @param lawsonIterations Lawson iterations per refined start
   */
  public record FitConfig(
      int samples, int starts, int lsIterations, int refined, int lawsonIterations) {
    /**
     * The enumeration's finalists: the best 16 of 256 starts, 60 least-squares and 60 Lawson
     * iterations, 3 refined.
     */
    public static final FitConfig DEFAULT = new FitConfig(256, 16, 60, 3, 60);

    /** Validates. */
    public FitConfig {
      if (starts < 1 || lsIterations < 1 || refined < 1 || lawsonIterations < 0) {
        throw new IllegalArgumentException("bad fit configuration");
      }
    }
  }

  /**
   * The result of one fit.
   *
   * @param constants the fitted constants (length {@link Skeleton#constants()})
   * @param error the maximum |r_p| over the points with them (infinite if no start was finite)
   */
  public record Fit(double[] constants, double error) {}

  /**
   * @param xs the inputs at each point, {@code xs[input][p]} (not copied: must not change)
   * @param exact the exact values (not copied)
   * @param scale the inverse error units (not copied)
   * @param maxOps the largest skeleton fitted
   * @param maxConsts the most constants of a skeleton fitted
   */
  public SkeletonFitter(
      double[][] xs, double[] exact, double[] scale, int maxOps, int maxConsts, FitConfig config) {
    this.inputs = xs.length;
    this.points = exact.length;
    this.xs = xs;
    this.exact = exact;
    this.scale = scale;
    this.maxOps = maxOps;
    this.maxConsts = Math.max(1, maxConsts);
    this.config = config;
    int values = inputs + maxOps;
    this.val = new double[values * points];
    this.der = new double[values * this.maxConsts * points];
    this.r = new double[points];
    this.w = new double[points];
    this.ws = new double[points];
    int k = this.maxConsts;
    this.a = new double[k * k];
    this.g = new double[k];
    this.chol = new double[k * k];
    this.step = new double[k];
    for (int i = 0; i < inputs; i++) {
      System.arraycopy(xs[i], 0, val, i * points, points);
    }
  }

  /**
   * Fits {@code s}'s constants.
   *
   * @param seed seeds the starts
   */
  public Fit fit(Skeleton s, long seed) {
    if (s.size() > maxOps || s.constants() > maxConsts || s.inputs() != inputs) {
      throw new IllegalArgumentException("skeleton larger than this fitter: " + s);
    }
    int k = s.constants();
    if (k == 0) {
      evaluate(s, new double[0], false);
      double e = residuals(s);
      return new Fit(new double[0], e);
    }
    SplittableRandom rng = new SplittableRandom(seed);
    int starts = config.starts();
    // Draw candidate starts, keep the ones with the smallest sum of squares.
    int samples = Math.max(starts, config.samples());
    double[][] cand = new double[samples][];
    double[] cost = new double[samples];
    java.util.Arrays.fill(w, 0, points, 1.0);
    for (int t = 0; t < samples; t++) {
      double[] c = new double[k];
      for (int j = 0; j < k; j++) {
        c[j] =
            switch (t) {
              case 0 -> 1.0;
              case 1 -> -1.0;
              case 2 -> (j % 2 == 0 ? 2.0 : -2.0);
              case 3 -> (j % 2 == 0 ? -0.5 : 0.5);
              default -> (rng.nextBoolean() ? 1 : -1) * Math.exp(1.5 * rng.nextGaussian());
            };
      }
      cand[t] = c;
      evaluate(s, c, false);
      double v = weightedCost(s);
      cost[t] = Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
    }
    Integer[] byCost = new Integer[samples];
    for (int t = 0; t < samples; t++) {
      byCost[t] = t;
    }
    java.util.Arrays.sort(
        byCost,
        (p, q) ->
            p.equals(q)
                ? 0
                : cost[p] != cost[q] ? Double.compare(cost[p], cost[q]) : Integer.compare(p, q));
    double[][] cs = new double[starts][];
    double[] errs = new double[starts];
    for (int t = 0; t < starts; t++) {
      double[] c = cand[byCost[t]];
      java.util.Arrays.fill(w, 0, points, 1.0);
      errs[t] = levenbergMarquardt(s, c, config.lsIterations());
      cs[t] = c;
    }
    double[] best = null;
    double bestErr = Double.POSITIVE_INFINITY;
    boolean[] taken = new boolean[starts];
    for (int q = 0; q < Math.min(config.refined(), starts); q++) {
      int pick = -1;
      for (int t = 0; t < starts; t++) {
        if (!taken[t] && (pick < 0 || errs[t] < errs[pick])) {
          pick = t;
        }
      }
      taken[pick] = true;
      if (!(errs[pick] < Double.POSITIVE_INFINITY)) {
        break;
      }
      double[] c = cs[pick];
      double e = lawson(s, c, errs[pick]);
      if (e < bestErr) {
        bestErr = e;
        best = c;
      }
    }
    if (best == null) {
      return new Fit(cs[0], Double.POSITIVE_INFINITY);
    }
    return new Fit(best, bestErr);
  }

  /**
   * Refines given constants: Levenberg-Marquardt on the squares from {@code start}, then Lawson's
   * iteration towards the minimax; the better of the two ends (and the start) is returned.
   *
   * @param start the constants to start from (not modified)
   */
  public Fit refine(Skeleton s, double[] start) {
    if (s.size() > maxOps || s.constants() > maxConsts || s.inputs() != inputs) {
      throw new IllegalArgumentException("skeleton larger than this fitter: " + s);
    }
    double[] c0 = start.clone();
    evaluate(s, c0, false);
    double e0 = residuals(s);
    if (s.constants() == 0) {
      return new Fit(c0, e0);
    }
    double[] c = start.clone();
    java.util.Arrays.fill(w, 0, points, 1.0);
    double e = levenbergMarquardt(s, c, config.lsIterations());
    double[] from = e < e0 ? c : c0;
    double[] l = from.clone();
    double el = lawson(s, l, Math.min(e, e0));
    if (el <= Math.min(e, e0)) {
      return new Fit(l, el);
    }
    return e < e0 ? new Fit(c, e) : new Fit(c0, e0);
  }

  /**
   * Lawson's iteration from {@code c} (updated in place to the best maximum seen).
   *
   * @return the best maximum |r|
   */
  private double lawson(Skeleton s, double[] c, double startErr) {
    int k = s.constants();
    double[] best = c.clone();
    double bestErr = startErr;
    java.util.Arrays.fill(w, 0, points, 1.0 / points);
    evaluate(s, c, false);
    residuals(s);
    double lambda = 1e-3;
    for (int it = 0; it < config.lawsonIterations(); it++) {
      double sum = 0;
      for (int p = 0; p < points; p++) {
        w[p] *= Math.abs(r[p]) + 1e-300;
        sum += w[p];
      }
      if (!(sum > 0) || !Double.isFinite(sum)) {
        break;
      }
      for (int p = 0; p < points; p++) {
        w[p] /= sum;
      }
      // One damped Gauss-Newton step on the weighted squares (retrying with more damping).
      evaluate(s, c, true);
      double cost = weightedCost(s);
      normalEquations(k);
      boolean accepted = false;
      double[] trial = new double[k];
      for (int tries = 0; tries < 8 && !accepted; tries++) {
        if (!solve(k, lambda)) {
          lambda *= 10;
          continue;
        }
        for (int j = 0; j < k; j++) {
          trial[j] = c[j] + step[j];
        }
        evaluate(s, trial, false);
        double tc = weightedCost(s);
        if (tc < cost) {
          System.arraycopy(trial, 0, c, 0, k);
          lambda = Math.max(lambda / 10, 1e-12);
          accepted = true;
        } else {
          lambda *= 10;
        }
      }
      evaluate(s, c, false);
      double e = residuals(s);
      if (e < bestErr) {
        bestErr = e;
        System.arraycopy(c, 0, best, 0, k);
      }
      if (!accepted && lambda > 1e6) {
        break;
      }
    }
    System.arraycopy(best, 0, c, 0, k);
    return bestErr;
  }

  /** Levenberg-Marquardt on the weighted squares from {@code c} (in place); the max |r| after. */
  private double levenbergMarquardt(Skeleton s, double[] c, int iterations) {
    int k = s.constants();
    double lambda = 1e-3;
    double[] trial = new double[k];
    evaluate(s, c, true);
    double cost = weightedCost(s);
    if (!Double.isFinite(cost)) {
      return Double.POSITIVE_INFINITY;
    }
    for (int it = 0; it < iterations; it++) {
      normalEquations(k);
      boolean accepted = false;
      for (int tries = 0; tries < 10 && !accepted; tries++) {
        if (!solve(k, lambda)) {
          lambda *= 10;
          continue;
        }
        for (int j = 0; j < k; j++) {
          trial[j] = c[j] + step[j];
        }
        evaluate(s, trial, true);
        double tc = weightedCost(s);
        if (tc < cost) {
          boolean small = cost - tc <= 1e-12 * cost;
          System.arraycopy(trial, 0, c, 0, k);
          cost = tc;
          lambda = Math.max(lambda / 10, 1e-12);
          accepted = true;
          if (small) {
            it = iterations;
          }
        } else {
          lambda *= 10;
        }
      }
      if (!accepted) {
        evaluate(s, c, true);
        break;
      }
    }
    evaluate(s, c, false);
    return residuals(s);
  }

  /** Fills {@code r} from the last evaluation; returns max |r| (infinite if any is not finite). */
  private double residuals(Skeleton s) {
    int out = (inputs + s.size() - 1) * points;
    double m = 0;
    for (int p = 0; p < points; p++) {
      double e = (val[out + p] - exact[p]) * scale[p];
      r[p] = e;
      double ae = Math.abs(e);
      if (!(ae <= Double.MAX_VALUE)) {
        return Double.POSITIVE_INFINITY;
      }
      m = Math.max(m, ae);
    }
    return m;
  }

  private double weightedCost(Skeleton s) {
    if (residuals(s) == Double.POSITIVE_INFINITY) {
      return Double.POSITIVE_INFINITY;
    }
    double sum = 0;
    for (int p = 0; p < points; p++) {
      sum += w[p] * r[p] * r[p];
    }
    return sum;
  }

  /**
   * a = J^T W J, g = J^T W r from the last evaluation with derivatives (r already filled). Points
   * where a derivative is not finite (c / x at x = 2^-1074 overflows) are left out of the step.
   */
  private void normalEquations(int k) {
    int out = inputs + currentSize - 1;
    for (int p = 0; p < points; p++) {
      double wp = w[p];
      for (int i = 0; i < k && wp != 0; i++) {
        if (!Double.isFinite(der[(out * maxConsts + i) * points + p])) {
          wp = 0;
        }
      }
      ws[p] = wp;
    }
    for (int i = 0; i < k; i++) {
      int di = (out * maxConsts + i) * points;
      double gi = 0;
      for (int p = 0; p < points; p++) {
        if (ws[p] != 0) {
          gi += ws[p] * der[di + p] * scale[p] * r[p];
        }
      }
      g[i] = gi;
      for (int j = 0; j <= i; j++) {
        int dj = (out * maxConsts + j) * points;
        double aij = 0;
        for (int p = 0; p < points; p++) {
          if (ws[p] != 0) {
            double sp = scale[p];
            aij += ws[p] * der[di + p] * der[dj + p] * sp * sp;
          }
        }
        a[i * k + j] = aij;
        a[j * k + i] = aij;
      }
    }
  }

  /** Solves (a + lambda diag(a)) step = -g by Cholesky; false if not positive definite. */
  private boolean solve(int k, double lambda) {
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        double v = a[i * k + j];
        if (i == j) {
          v += lambda * Math.max(v, 1e-300) + 1e-300;
        }
        chol[i * k + j] = v;
      }
    }
    for (int j = 0; j < k; j++) {
      double d = chol[j * k + j];
      for (int q = 0; q < j; q++) {
        d -= chol[j * k + q] * chol[j * k + q];
      }
      if (!(d > 0) || !Double.isFinite(d)) {
        return false;
      }
      d = Math.sqrt(d);
      chol[j * k + j] = d;
      for (int i = j + 1; i < k; i++) {
        double v = chol[i * k + j];
        for (int q = 0; q < j; q++) {
          v -= chol[i * k + q] * chol[j * k + q];
        }
        chol[i * k + j] = v / d;
      }
    }
    for (int i = 0; i < k; i++) {
      double v = -g[i];
      for (int q = 0; q < i; q++) {
        v -= chol[i * k + q] * step[q];
      }
      step[i] = v / chol[i * k + i];
    }
    for (int i = k - 1; i >= 0; i--) {
      double v = step[i];
      for (int q = i + 1; q < k; q++) {
        v -= chol[q * k + i] * step[q];
      }
      step[i] = v / chol[i * k + i];
    }
    for (int i = 0; i < k; i++) {
      if (!Double.isFinite(step[i])) {
        return false;
      }
    }
    return true;
  }

  private int currentSize;

  /** Evaluates {@code s} with constants {@code c} at every point, with derivatives if asked. */
  private void evaluate(Skeleton s, double[] c, boolean derivatives) {
    int n = s.size();
    int k = s.constants();
    currentSize = n;
    int ci = 0;
    for (int i = 0; i < n; i++) {
      int v = inputs + i;
      int la = s.left(i);
      int rb = s.right(i);
      int o = v * points;
      int ac = -1;
      int bc = -1;
      if (la == Skeleton.CONST) {
        ac = ci++;
      }
      if (rb == Skeleton.CONST) {
        bc = ci++;
      }
      double ka = ac >= 0 ? c[ac] : 0;
      double kb = bc >= 0 ? c[bc] : 0;
      int ao = la * points;
      int bo = rb * points;
      switch (s.op(i)) {
        case ADD -> {
          if (bc >= 0) {
            for (int p = 0; p < points; p++) {
              val[o + p] = val[ao + p] + kb;
            }
          } else {
            for (int p = 0; p < points; p++) {
              val[o + p] = val[ao + p] + val[bo + p];
            }
          }
        }
        case SUB -> {
          if (ac >= 0) {
            for (int p = 0; p < points; p++) {
              val[o + p] = ka - val[bo + p];
            }
          } else {
            for (int p = 0; p < points; p++) {
              val[o + p] = val[ao + p] - val[bo + p];
            }
          }
        }
        case MUL -> {
          if (bc >= 0) {
            for (int p = 0; p < points; p++) {
              val[o + p] = val[ao + p] * kb;
            }
          } else {
            for (int p = 0; p < points; p++) {
              val[o + p] = val[ao + p] * val[bo + p];
            }
          }
        }
        case DIV -> {
          if (ac >= 0) {
            for (int p = 0; p < points; p++) {
              val[o + p] = ka / val[bo + p];
            }
          } else {
            for (int p = 0; p < points; p++) {
              val[o + p] = val[ao + p] / val[bo + p];
            }
          }
        }
      }
      if (!derivatives) {
        continue;
      }
      for (int j = 0; j < k; j++) {
        int od = (v * maxConsts + j) * points;
        int ad = la >= inputs ? (la * maxConsts + j) * points : -1;
        int bd = rb >= inputs ? (rb * maxConsts + j) * points : -1;
        double da0 = ac == j ? 1 : 0; // derivative of a constant operand
        double db0 = bc == j ? 1 : 0;
        switch (s.op(i)) {
          case ADD, SUB -> {
            double sign = s.op(i) == BinOp.SUB ? -1 : 1;
            for (int p = 0; p < points; p++) {
              double da = ad >= 0 ? der[ad + p] : da0;
              double db = bd >= 0 ? der[bd + p] : db0;
              der[od + p] = da + sign * db;
            }
          }
          case MUL -> {
            for (int p = 0; p < points; p++) {
              double da = ad >= 0 ? der[ad + p] : da0;
              double db = bd >= 0 ? der[bd + p] : db0;
              double av = ac >= 0 ? ka : val[ao + p];
              double bv = bc >= 0 ? kb : val[bo + p];
              der[od + p] = da * bv + av * db;
            }
          }
          case DIV -> {
            for (int p = 0; p < points; p++) {
              double da = ad >= 0 ? der[ad + p] : da0;
              double db = bd >= 0 ? der[bd + p] : db0;
              double bv = bc >= 0 ? kb : val[bo + p];
              der[od + p] = (da - val[o + p] * db) / bv;
            }
          }
        }
      }
    }
  }
}
