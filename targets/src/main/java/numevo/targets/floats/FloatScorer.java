package numevo.targets.floats;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import numevo.dsl.eval.Batch;
import numevo.dsl.eval.ColumnarEvaluator;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;
import numevo.targets.Method;
import numevo.targets.Metric;
import numevo.targets.Score;
import numevo.targets.Scorer;
import numevo.targets.Target;

/**
 * Scores float kernels on one {@link FloatSample}: one columnar evaluation, then one pass of {@link
 * ErrorStats} over primitive arrays, through one evaluator reused for every kernel. Not
 * thread-safe; cheap to create (the sample is shared).
 */
final class FloatScorer implements Scorer {
  private final FloatTarget target;
  private final FloatSample sample;
  private final Batch inputs;
  private final Batch outputs;
  private final double[] x;
  private final ErrorStats stats = new ErrorStats();
  // One evaluator for every kernel scored, reset to each: its columns are reused.
  private ColumnarEvaluator ev;

  FloatScorer(FloatTarget target, FloatSample sample) {
    this.target = target;
    this.sample = sample;
    int n = sample.size();
    this.inputs = Batch.of(List.of(Type.F), n);
    this.outputs = Batch.of(List.of(Type.F), n);
    this.x = sample.points();
    System.arraycopy(x, 0, inputs.f(0), 0, n);
  }

  @Override
  public Target target() {
    return target;
  }

  @Override
  public int points() {
    return sample.size();
  }

  @Override
  public String description() {
    return String.format(
        java.util.Locale.ROOT,
        "a sample of %,d point%s (seed %d)",
        sample.size(),
        sample.size() == 1 ? "" : "s",
        sample.seed());
  }

  @Override
  public Batch inputs() {
    return inputs;
  }

  @Override
  public Score score(Program p) {
    target.checkKernel(p);
    ev = ev == null ? ColumnarEvaluator.of(p, sample.size()) : ev.reset(p);
    ev.evaluate(inputs, outputs, sample.size());
    return measure(p, outputs.f(0));
  }

  @Override
  public double error(Program p) {
    return quick(p, true, target.objective().equals(Metric.MAX_REL_ERR));
  }

  /**
   * The ULP and relative error metrics without building the score: one pass of {@link
   * ErrorStats#quickMax} or {@link ErrorStats#quickMean} over the results, the full pass only when
   * some result is a special value. Other metrics through {@link #score(Program)}.
   */
  @Override
  public OptionalDouble value(Program p, String key) {
    // Small, so that it inlines into the caller and the optional is never allocated.
    return switch (key) {
      case Metric.MAX_ULP -> OptionalDouble.of(quick(p, true, false));
      case Metric.MEAN_ULP -> OptionalDouble.of(quick(p, false, false));
      case Metric.MAX_REL_ERR -> OptionalDouble.of(quick(p, true, true));
      case Metric.MEAN_REL_ERR -> OptionalDouble.of(quick(p, false, true));
      default -> score(p).value(key);
    };
  }

  private double quick(Program p, boolean max, boolean rel) {
    target.checkKernel(p);
    ev = ev == null ? ColumnarEvaluator.of(p, sample.size()) : ev.reset(p);
    int n = sample.size();
    ev.evaluate(inputs, outputs, n);
    double[] y = outputs.f(0);
    ReferenceColumns ref = sample.reference();
    double v = max ? ErrorStats.quickMax(y, ref, n, rel) : ErrorStats.quickMean(y, ref, n, rel);
    if (Double.isNaN(v)) {
      stats.reset();
      stats.add(x, y, ref, n, 0);
      v = max ? (rel ? stats.maxRel() : stats.maxUlp()) : (rel ? stats.meanRel() : stats.meanUlp());
    }
    return v;
  }

  @Override
  public Score score(Program p, Batch out) {
    target.checkKernel(p);
    return measure(p, out.f(0));
  }

  private Score measure(Program p, double[] y) {
    stats.reset();
    stats.add(x, y, sample.reference(), sample.size(), 0);
    return target.toScore(p, stats, Method.SAMPLED, OptionalLong.of(sample.seed()));
  }

  @Override
  public boolean residuals(Program p, double[] out) {
    target.checkKernel(p);
    int n = sample.size();
    ev = ev == null ? ColumnarEvaluator.of(p, n) : ev.reset(p);
    ev.evaluate(inputs, outputs, n);
    double[] y = outputs.f(0);
    ReferenceColumns ref = sample.reference();
    double[] unit = relative() ? ref.invAbs : ref.invUlp;
    for (int i = 0; i < n; i++) {
      double r = y[i];
      double e = ((r - ref.hi[i]) - ref.lo[i]) * unit[i];
      if (!(Math.abs(e) <= Double.MAX_VALUE)) {
        if (r == ref.cr[i] || (Double.isNaN(r) && Double.isNaN(ref.cr[i]))) {
          e = 0; // a special value, exactly right
        } else {
          return false;
        }
      }
      out[i] = e;
    }
    return true;
  }

  @Override
  public double residualResolution() {
    return relative()
        ? Math.scalb(1.0, -(target.spec().domain().format().mantissaBits() + 1))
        : 1.0;
  }

  private boolean relative() {
    return Metric.MAX_REL_ERR.equals(target.objective());
  }
}
