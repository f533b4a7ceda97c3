package numevo.runs.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import numevo.dsl.eval.Batch;
import numevo.dsl.eval.ColumnarEvaluator;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;
import numevo.targets.floats.FloatDomain;
import numevo.targets.floats.FloatReference;
import numevo.targets.floats.FloatTarget;
import numevo.targets.floats.FloatTargetSpec;
import numevo.targets.floats.Interval;
import numevo.targets.floats.ReferenceColumns;
import numevo.targets.floats.SamplePlan;

/**
 * The signed error of float kernels at evenly spaced points of a float target's domain: in ULPs of
 * the exact value for ULP targets, relative for relative-error targets (the target's own units).
 */
final class KernelErrors {
  private KernelErrors() {}

  /**
   * The points: where the target's samples are value-uniform, evenly spaced over that interval
   * (clipped to the domain); for code-uniform domains spanning many binades, evenly spaced in
   * log(x) over the domain's positive finite hull (then {@code logX}); rounded to the format, in
   * the domain, without repeats.
   *
   * @param x the inputs, increasing
   * @param logX whether to plot them on a logarithmic axis
   * @param range the interval, in words
   */
  record Points(double[] x, boolean logX, String range) {}

  static Points points(FloatTarget t, int n) {
    FloatTargetSpec spec = t.spec();
    FloatDomain domain = spec.domain();
    NumberFormat f = domain.format();
    Interval hull = domain.finiteHull();
    SamplePlan plan = spec.plan();
    double lo = hull.lo();
    double hi = hull.hi();
    boolean logX = false;
    if (plan.codeFraction() < 1) {
      lo = Math.max(lo, plan.valueRange().lo());
      hi = Math.min(hi, plan.valueRange().hi());
    } else if (lo > 0 && hi / lo > 1e3) {
      logX = true;
    }
    List<Double> xs = new ArrayList<>();
    double last = Double.NaN;
    for (int i = 0; i < n; i++) {
      double u = n == 1 ? 0 : (double) i / (n - 1);
      double v =
          logX ? Math.exp(Math.log(lo) + u * (Math.log(hi) - Math.log(lo))) : lo + u * (hi - lo);
      double r = f.round(v);
      if (Double.isFinite(r) && domain.contains(r) && r != last) {
        xs.add(r);
        last = r;
      }
    }
    double[] x = xs.stream().mapToDouble(Double::doubleValue).toArray();
    String range =
        String.format(
            Locale.ROOT,
            "%,d points evenly spaced%s over [%s, %s] (%s)",
            x.length,
            logX ? " in log(x)" : "",
            num(lo),
            num(hi),
            f);
    return new Points(x, logX, range);
  }

  /**
   * The signed errors of one kernel.
   *
   * @param error per point; NaN where the kernel's result is a wrong special value
   * @param wrongSpecials the number of such points
   */
  record Curve(double[] error, int wrongSpecials) {}

  /** The exact reference at the points. */
  static ReferenceColumns reference(FloatTarget t, double[] x) {
    FloatReference ref = t.spec().reference();
    ReferenceColumns cols = new ReferenceColumns(Math.max(1, x.length));
    if (x.length > 0) {
      ref.evaluator(x.length).compute(x, x.length, cols);
    }
    return cols;
  }

  /**
   * Evaluates {@code p} at {@code x} and compares it with the reference.
   *
   * @throws RuntimeException if the kernel does not fit or its evaluation is invalid
   */
  static Curve curve(FloatTarget t, Program p, double[] x, ReferenceColumns ref) {
    int n = x.length;
    Batch in = Batch.of(List.of(Type.F), Math.max(1, n));
    Batch out = Batch.of(List.of(Type.F), Math.max(1, n));
    System.arraycopy(x, 0, in.f(0), 0, n);
    ColumnarEvaluator.of(p, Math.max(1, n)).evaluate(in, out, n);
    double[] y = out.f(0);
    boolean rel = t.spec().metric() == FloatTargetSpec.ErrorMetric.REL;
    double[] e = new double[n];
    int wrong = 0;
    for (int i = 0; i < n; i++) {
      double exact = ref.exact(i);
      double v = rel ? (y[i] - exact) / Math.abs(exact) : (y[i] - exact) / ref.ulp(i);
      if (!Double.isFinite(v)) {
        double cr = ref.correctlyRounded(i);
        if (y[i] == cr || (Double.isNaN(y[i]) && Double.isNaN(cr))) {
          v = 0;
        } else {
          v = Double.NaN;
          wrong++;
        }
      }
      e[i] = v;
    }
    return new Curve(e, wrong);
  }

  static String num(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e9) {
      return Long.toString((long) v);
    }
    return String.format(Locale.ROOT, "%.4g", v);
  }
}
