package numevo.evolver.fitness;

import java.util.List;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;
import numevo.dsl.eval.Batch;
import numevo.dsl.eval.ColumnarEvaluator;
import numevo.dsl.eval.EvaluationException;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;

/**
 * Scores kernels of one float input and one float output on fixed sample points against exact
 * values, with the {@link ColumnarEvaluator}. A stand-in until the targets module provides targets
 * with their own scorers; used by tests and the throughput program.
 *
 * <p>Points are evaluated in chunks of at most {@link #CHUNK}, so one evaluator of a small,
 * constant size serves any number of points. Thread-safe: each thread has its own input and output
 * columns.
 */
public final class SampledScorer implements CandidateScorer {
  /** Points per evaluator call. */
  public static final int CHUNK = 256;

  private final NumberFormat format;
  private final double[] points;
  private final double[] exact;
  private final ErrorMetric metric;
  private final ThreadLocal<Scratch> scratch;

  /** A thread's columns and its evaluator, reset to each program scored. */
  private static final class Scratch {
    final Batch in;
    final Batch out;
    ColumnarEvaluator eval;

    Scratch(Batch in, Batch out) {
      this.in = in;
      this.out = out;
    }
  }

  private SampledScorer(NumberFormat format, double[] points, double[] exact, ErrorMetric metric) {
    this.format = Objects.requireNonNull(format, "format");
    this.metric = Objects.requireNonNull(metric, "metric");
    if (points.length != exact.length || points.length == 0) {
      throw new IllegalArgumentException("need as many exact values as points, at least one");
    }
    this.points = points.clone();
    this.exact = exact.clone();
    for (double x : this.points) {
      if (Double.compare(format.round(x), x) != 0 && !Double.isNaN(x)) {
        throw new IllegalArgumentException("point " + x + " is not a value of " + format);
      }
    }
    int chunk = Math.min(CHUNK, points.length);
    this.scratch =
        ThreadLocal.withInitial(
            () -> new Scratch(Batch.of(List.of(Type.F), chunk), Batch.of(List.of(Type.F), chunk)));
  }

  /**
   * A scorer on given points.
   *
   * @param format the kernels' format
   * @param points the input values, each a value of {@code format}; at least one
   * @param exact the exact result at each point (in binary64)
   * @param metric how pointwise errors fold into one
   */
  public static SampledScorer of(
      NumberFormat format, double[] points, double[] exact, ErrorMetric metric) {
    return new SampledScorer(format, points, exact, metric);
  }

  /**
   * A scorer on {@code count} evenly spaced points of {@code [lo, hi)} (rounded to the format)
   * against {@code reference} computed in binary64.
   */
  public static SampledScorer uniform(
      NumberFormat format,
      double lo,
      double hi,
      int count,
      DoubleUnaryOperator reference,
      ErrorMetric metric) {
    double[] x = new double[count];
    double[] y = new double[count];
    for (int i = 0; i < count; i++) {
      x[i] = format.round(lo + (hi - lo) * i / count);
      y[i] = reference.applyAsDouble(x[i]);
    }
    return new SampledScorer(format, x, y, metric);
  }

  /** The number of sample points. */
  public int points() {
    return points.length;
  }

  @Override
  public double error(Program program) {
    return error(program, metric);
  }

  /** The root mean square ULP error where the metric counts ULPs; else the metric itself. */
  @Override
  public double coarseError(Program program) {
    return error(
        program,
        metric == ErrorMetric.MAX_ULP || metric == ErrorMetric.MEAN_ULP
            ? ErrorMetric.RMS_ULP
            : metric);
  }

  private double error(Program program, ErrorMetric metric) {
    Scratch s = scratch.get();
    Batch in = s.in;
    Batch out = s.out;
    int chunk = in.capacity();
    ColumnarEvaluator eval =
        s.eval == null ? ColumnarEvaluator.of(program, chunk) : s.eval.reset(program);
    s.eval = eval;
    double[] x = in.f(0);
    double[] y = out.f(0);
    double acc = 0;
    try {
      for (int start = 0; start < points.length; start += chunk) {
        int n = Math.min(chunk, points.length - start);
        System.arraycopy(points, start, x, 0, n);
        eval.evaluate(in, out, n);
        for (int i = 0; i < n; i++) {
          double e = metric.pointError(format, y[i], exact[start + i]);
          acc = metric.isMean() ? acc + e : Math.max(acc, e);
        }
        if (acc == Double.POSITIVE_INFINITY) {
          return acc;
        }
      }
    } catch (EvaluationException e) {
      return Double.POSITIVE_INFINITY;
    }
    return metric.finish(metric.isMean() ? acc / points.length : acc);
  }
}
