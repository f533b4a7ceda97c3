package numevo.targets.tools;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * The Remez exchange for a weighted minimax polynomial fit on an interval: find coefficients c_m ..
 * c_n of q(x) = sum c_j x^j minimizing max |w(x) (h(x) - q(x))|. The linear systems are solved in
 * 40-digit BigDecimal (the monomial basis is ill conditioned); the error curve is evaluated in
 * double on a grid of 20,000 points, each local extremum refined by golden-section search.
 */
final class Remez {
  private Remez() {}

  private static final MathContext MC = new MathContext(40);
  private static final int GRID = 20_000;

  /** A fit: the coefficients c_m .. c_n and the levelled error. */
  record Fit(double[] coefficients, double error) {}

  /**
   * @param h the function to fit (after subtracting any fixed terms)
   * @param w the weight
   * @param m the lowest power
   * @param n the highest power
   * @param a the interval's lower end
   * @param b the interval's upper end
   */
  static Fit fit(DoubleUnaryOperator h, DoubleUnaryOperator w, int m, int n, double a, double b) {
    int k = n - m + 1;
    double[] ref = new double[k + 1];
    for (int i = 0; i <= k; i++) {
      // Chebyshev-like nodes; the first kept off a when x^m vanishes there.
      double t = m > 0 && a == 0 ? (i + 1.0) / (k + 1) : (double) i / k;
      ref[i] = a + (b - a) * (1 - Math.cos(Math.PI * t)) / 2;
    }
    double[] c = null;
    double level = 0;
    for (int iter = 0; iter < 60; iter++) {
      double[] sol = solve(h, w, m, n, ref);
      c = java.util.Arrays.copyOf(sol, k);
      level = Math.abs(sol[k]);
      double[] cc = c;
      DoubleUnaryOperator err = x -> w.applyAsDouble(x) * (h.applyAsDouble(x) - eval(cc, m, x));
      List<double[]> ext = extrema(err, a, b);
      double max = 0;
      for (double[] e : ext) {
        max = Math.max(max, Math.abs(e[1]));
      }
      if (max - level <= 1e-6 * max) {
        return new Fit(c, max);
      }
      double[] next = exchange(ext, k + 1);
      if (next == null) {
        break;
      }
      ref = next;
    }
    double[] cc = c;
    DoubleUnaryOperator err = x -> w.applyAsDouble(x) * (h.applyAsDouble(x) - eval(cc, m, x));
    return new Fit(c, maxAbs(err, a, b));
  }

  /** q(x) = sum c[j] x^(m + j), by Horner in double. */
  static double eval(double[] c, int m, double x) {
    double s = 0;
    for (int j = c.length - 1; j >= 0; j--) {
      s = s * x + c[j];
    }
    return s * Math.pow(x, m);
  }

  /** The largest |err| on the grid, refined around the grid maximum. */
  static double maxAbs(DoubleUnaryOperator err, double a, double b) {
    double max = 0;
    for (double[] e : extrema(err, a, b)) {
      max = Math.max(max, Math.abs(e[1]));
    }
    return max;
  }

  private static double[] solve(
      DoubleUnaryOperator h, DoubleUnaryOperator w, int m, int n, double[] x) {
    int k = n - m + 1;
    int size = k + 1;
    BigDecimal[][] a = new BigDecimal[size][size + 1];
    for (int i = 0; i < size; i++) {
      BigDecimal xi = new BigDecimal(x[i]);
      BigDecimal p = xi.pow(m, MC);
      for (int j = 0; j < k; j++) {
        a[i][j] = p;
        p = p.multiply(xi, MC);
      }
      double sign = (i % 2 == 0) ? 1 : -1;
      a[i][k] = new BigDecimal(sign / w.applyAsDouble(x[i]));
      a[i][size] = new BigDecimal(h.applyAsDouble(x[i]));
    }
    // Gaussian elimination with partial pivoting.
    for (int col = 0; col < size; col++) {
      int piv = col;
      for (int r = col + 1; r < size; r++) {
        if (a[r][col].abs().compareTo(a[piv][col].abs()) > 0) {
          piv = r;
        }
      }
      BigDecimal[] t = a[col];
      a[col] = a[piv];
      a[piv] = t;
      for (int r = col + 1; r < size; r++) {
        BigDecimal f = a[r][col].divide(a[col][col], MC);
        for (int j = col; j <= size; j++) {
          a[r][j] = a[r][j].subtract(f.multiply(a[col][j], MC), MC);
        }
      }
    }
    double[] sol = new double[size];
    BigDecimal[] s = new BigDecimal[size];
    for (int r = size - 1; r >= 0; r--) {
      BigDecimal v = a[r][size];
      for (int j = r + 1; j < size; j++) {
        v = v.subtract(a[r][j].multiply(s[j], MC), MC);
      }
      s[r] = v.divide(a[r][r], MC);
      sol[r] = s[r].doubleValue();
    }
    return sol;
  }

  /** Local extrema of err on [a, b] with their values, ends included, in order. */
  private static List<double[]> extrema(DoubleUnaryOperator err, double a, double b) {
    double[] xs = new double[GRID + 1];
    double[] ys = new double[GRID + 1];
    for (int i = 0; i <= GRID; i++) {
      xs[i] = a + (b - a) * i / GRID;
      ys[i] = err.applyAsDouble(xs[i]);
    }
    List<double[]> out = new ArrayList<>();
    for (int i = 0; i <= GRID; i++) {
      double y = Math.abs(ys[i]);
      boolean left =
          i == 0 || y >= Math.abs(ys[i - 1]) || Math.signum(ys[i]) != Math.signum(ys[i - 1]);
      boolean right =
          i == GRID || y >= Math.abs(ys[i + 1]) || Math.signum(ys[i]) != Math.signum(ys[i + 1]);
      if (left && right && y > 0) {
        double xm = xs[i];
        if (i > 0 && i < GRID) {
          xm = refine(err, xs[i - 1], xs[i + 1], Math.signum(ys[i]));
        }
        out.add(new double[] {xm, err.applyAsDouble(xm)});
      }
    }
    return out;
  }

  /** Golden-section search for the extremum of sign s of err on [lo, hi]. */
  private static double refine(DoubleUnaryOperator err, double lo, double hi, double s) {
    double g = (Math.sqrt(5) - 1) / 2;
    double x1 = hi - g * (hi - lo);
    double x2 = lo + g * (hi - lo);
    double f1 = s * err.applyAsDouble(x1);
    double f2 = s * err.applyAsDouble(x2);
    for (int i = 0; i < 60; i++) {
      if (f1 > f2) {
        hi = x2;
        x2 = x1;
        f2 = f1;
        x1 = hi - g * (hi - lo);
        f1 = s * err.applyAsDouble(x1);
      } else {
        lo = x1;
        x1 = x2;
        f1 = f2;
        x2 = lo + g * (hi - lo);
        f2 = s * err.applyAsDouble(x2);
      }
    }
    return (lo + hi) / 2;
  }

  /** Picks count alternating extrema, keeping the largest of each sign run and trimming ends. */
  private static double[] exchange(List<double[]> ext, int count) {
    List<double[]> alt = new ArrayList<>();
    for (double[] e : ext) {
      if (!alt.isEmpty() && Math.signum(alt.get(alt.size() - 1)[1]) == Math.signum(e[1])) {
        if (Math.abs(e[1]) > Math.abs(alt.get(alt.size() - 1)[1])) {
          alt.set(alt.size() - 1, e);
        }
      } else {
        alt.add(e);
      }
    }
    while (alt.size() > count) {
      double first = Math.abs(alt.get(0)[1]);
      double last = Math.abs(alt.get(alt.size() - 1)[1]);
      alt.remove(first < last ? 0 : alt.size() - 1);
    }
    if (alt.size() < count) {
      return null;
    }
    double[] x = new double[count];
    for (int i = 0; i < count; i++) {
      x[i] = alt.get(i)[0];
    }
    return x;
  }
}
