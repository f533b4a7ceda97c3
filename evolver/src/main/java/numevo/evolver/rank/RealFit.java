package numevo.evolver.rank;

import java.util.List;
import numevo.dsl.eval.Batch;
import numevo.dsl.eval.ColumnarEvaluator;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;
import numevo.evolver.fitness.CandidateScorer;
import numevo.evolver.genome.Literals;
import numevo.evolver.search.Search;
import numevo.evolver.tune.Tuned;
import numevo.evolver.tune.TuningConfig;
import numevo.targets.floats.FloatSample;
import numevo.targets.floats.FloatTarget;
import numevo.targets.floats.FloatTargetSpec;

/**
 * The error of a kernel's real-valued function at given points: the kernel evaluated in float64
 * (its structure and constants, without the rounding of its own format), against the exact
 * reference, in the target's units (ULPs of the exact value's binade in the kernel's format, or
 * relative error). Minimax steps on this error fit constants to the function, free of the rounding
 * noise a maximum over points of the rounded evaluation would also fit; the fitted constants are
 * then rounded to the kernel's format ({@link #fit}). One thread.
 */
final class RealFit implements CandidateScorer {
  private final double[] hi;
  private final double[] lo;
  private final double[] unit;
  private final Batch in;
  private final Batch out;
  private final int n;
  private final double[] res;
  private ColumnarEvaluator ev;

  RealFit(FloatTarget ft, double[] points, long seed) {
    FloatSample s = FloatSample.at(ft.spec().reference(), points, seed);
    n = points.length;
    hi = new double[n];
    lo = new double[n];
    unit = new double[n];
    res = new double[n];
    boolean rel = ft.spec().metric() == FloatTargetSpec.ErrorMetric.REL;
    int mb = ft.spec().domain().format().mantissaBits();
    for (int i = 0; i < n; i++) {
      hi[i] = s.exactHi(i);
      lo[i] = s.exactLo(i);
      double h = Math.abs(hi[i]);
      if (!(h > 0) || Double.isInfinite(h)) {
        unit[i] = 0; // a zero or infinite exact value: not a point of the fit
      } else {
        unit[i] = rel ? 1 / h : 1 / Math.scalb(1.0, Math.max(Math.getExponent(h), -126) - mb);
      }
    }
    in = Batch.of(List.of(Type.F), n);
    out = Batch.of(List.of(Type.F), n);
    System.arraycopy(points, 0, in.f(0), 0, n);
  }

  /** The kernel's structure and constants in float64. */
  static Program widen(Program q) {
    return new Program(q.name(), NumberFormat.FLOAT64, q.inputs(), q.body(), q.outputs());
  }

  /**
   * The kernel with its constants fitted to the real-valued minimax error at the points, then
   * rounded to its format; {@code q} itself if the fit fails or finds nothing better.
   */
  static Program fit(FloatTarget ft, double[] points, Program q, int steps, long seed) {
    try {
      RealFit f = new RealFit(ft, points, seed);
      Program w = widen(q);
      double e = f.error(w);
      if (!Double.isFinite(e)) {
        return q;
      }
      Tuned t = Search.tuner(f, TuningConfig.of(0, 0, 0, 12, 0.3, 0, steps, 0)).tune(w, e, seed);
      if (t.program() == w) {
        return q;
      }
      int[] sites = Literals.sites(q);
      int[] wide = Literals.sites(t.program());
      if (sites.length != wide.length) {
        return q;
      }
      double[] v = Literals.values(t.program(), wide);
      for (int i = 0; i < v.length; i++) {
        v[i] = q.format().round(v[i]);
      }
      return Literals.with(q, sites, v);
    } catch (RuntimeException e) {
      return q;
    }
  }

  @Override
  public boolean residuals(Program program, double[] r) {
    ev = ev == null ? ColumnarEvaluator.of(program, n) : ev.reset(program);
    ev.evaluate(in, out, n);
    double[] y = out.f(0);
    for (int i = 0; i < n; i++) {
      double e = ((y[i] - hi[i]) - lo[i]) * unit[i];
      if (unit[i] == 0) {
        e = 0;
      } else if (!Double.isFinite(e)) {
        return false;
      }
      r[i] = e;
    }
    return true;
  }

  @Override
  public double error(Program program) {
    if (!residuals(program, res)) {
      return Double.POSITIVE_INFINITY;
    }
    double m = 0;
    for (int i = 0; i < n; i++) {
      m = Math.max(m, Math.abs(res[i]));
    }
    return m;
  }

  @Override
  public double coarseError(Program program) {
    if (!residuals(program, res)) {
      return Double.POSITIVE_INFINITY;
    }
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += res[i] * res[i];
    }
    return Math.sqrt(s / n);
  }

  @Override
  public int residualPoints() {
    return n;
  }

  @Override
  public double residualResolution() {
    return 1.0;
  }
}
