package numevo.targets.floats;

import java.util.ArrayList;
import java.util.List;
import numevo.targets.Metric;

/**
 * Accumulates the errors of a kernel's results against reference columns, per the {@link Ulp}
 * convention: the error loop of every float scorer and of the exhaustive verifier. One pass over
 * primitive arrays, no allocation; special values (NaN, infinities, overflowed or zero exact
 * values) take a rarely used slow path. Mutable, not thread-safe; {@link #merge} combines partial
 * results in a fixed order so that sums do not depend on thread scheduling.
 */
public final class ErrorStats {
  private long points;
  private double maxUlp;
  private double sumUlp;
  private double maxRel;
  private double sumRel;
  private long infUlp;
  private long infRel;
  private long correct;
  private long worstUlpIndex = -1;
  private long worstRelIndex = -1;
  private double worstUlpInput = Double.NaN;
  private double worstRelInput = Double.NaN;

  // Results of the slow path.
  private double su;
  private double se;

  /** Clears everything. */
  public void reset() {
    points = 0;
    maxUlp = sumUlp = maxRel = sumRel = 0;
    infUlp = infRel = correct = 0;
    worstUlpIndex = worstRelIndex = -1;
    worstUlpInput = worstRelInput = Double.NaN;
  }

  /**
   * Adds points {@code [0, n)}.
   *
   * @param x the inputs (for the worst-point report)
   * @param y the kernel's results, values of the target format
   * @param ref the reference at the same points
   * @param n the number of points
   * @param firstIndex the domain index of point 0 (for the worst-point report)
   */
  public void add(double[] x, double[] y, ReferenceColumns ref, int n, long firstIndex) {
    final double[] hi = ref.hi;
    final double[] lo = ref.lo;
    final double[] cr = ref.cr;
    final double[] invUlp = ref.invUlp;
    final double[] invAbs = ref.invAbs;
    double mu = maxUlp;
    double me = maxRel;
    double tu = 0;
    double te = 0;
    long ok = 0;
    int wu = -1;
    int we = -1;
    for (int i = 0; i < n; i++) {
      double r = y[i];
      double d = Math.abs((r - hi[i]) - lo[i]);
      double u = d * invUlp[i];
      double e = d * invAbs[i];
      if (!(u <= Double.MAX_VALUE && e <= Double.MAX_VALUE)) {
        special(r, i, ref);
        u = su;
        e = se;
      }
      if (r == cr[i]) {
        ok++;
      }
      if (u > mu) {
        mu = u;
        wu = i;
      }
      if (e > me) {
        me = e;
        we = i;
      }
      tu += u;
      te += e;
    }
    if (wu >= 0) {
      worstUlpIndex = firstIndex + wu;
      worstUlpInput = x[wu];
    }
    if (we >= 0) {
      worstRelIndex = firstIndex + we;
      worstRelInput = x[we];
    }
    maxUlp = mu;
    maxRel = me;
    sumUlp += tu;
    sumRel += te;
    correct += ok;
    points += n;
  }

  /**
   * The largest error over points {@code [0, n)}, in ULPs or relative: the value {@link #maxUlp()}
   * or {@link #maxRel()} would have after {@link #reset()} and {@link #add}, bit for bit, computed
   * without the bookkeeping (worst points, sums, counts) a search does not need. Only for points
   * whose errors are all finite: NaN as soon as one is not (a special value), and the caller then
   * uses {@link #add}.
   *
   * @param y the kernel's results
   * @param ref the reference at the same points
   * @param n the number of points
   * @param relative relative error rather than ULPs
   */
  public static double quickMax(double[] y, ReferenceColumns ref, int n, boolean relative) {
    final double[] hi = ref.hi;
    final double[] lo = ref.lo;
    final double[] invUlp = ref.invUlp;
    final double[] invAbs = ref.invAbs;
    double mu = 0;
    double me = 0;
    for (int i = 0; i < n; i++) {
      double d = Math.abs((y[i] - hi[i]) - lo[i]);
      double u = d * invUlp[i];
      double e = d * invAbs[i];
      // The condition under which add takes its slow path.
      if (!(u <= Double.MAX_VALUE && e <= Double.MAX_VALUE)) {
        return Double.NaN;
      }
      // Branches, not Math.max: rarely taken after the first points, so no dependency chain.
      if (u > mu) {
        mu = u;
      }
      if (e > me) {
        me = e;
      }
    }
    return relative ? me : mu;
  }

  /**
   * The mean error over points {@code [0, n)}, in ULPs or relative: the value {@link #meanUlp()} or
   * {@link #meanRel()} would have after {@link #reset()} and {@link #add} (the same sum in the same
   * order), bit for bit; NaN as soon as an error is not finite, as {@link #quickMax}.
   */
  public static double quickMean(double[] y, ReferenceColumns ref, int n, boolean relative) {
    final double[] hi = ref.hi;
    final double[] lo = ref.lo;
    final double[] invUlp = ref.invUlp;
    final double[] invAbs = ref.invAbs;
    double t = 0;
    for (int i = 0; i < n; i++) {
      double d = Math.abs((y[i] - hi[i]) - lo[i]);
      double u = d * invUlp[i];
      double e = d * invAbs[i];
      if (!(u <= Double.MAX_VALUE && e <= Double.MAX_VALUE)) {
        return Double.NaN;
      }
      t += relative ? e : u;
    }
    return n == 0 ? 0 : t / n;
  }

  /** The slow path: some error came out NaN or infinite. Sets su and se; counts. */
  private void special(double r, int i, ReferenceColumns ref) {
    double h = ref.hi[i];
    double c = ref.cr[i];
    boolean bothNaN = Double.isNaN(r) && Double.isNaN(c);
    if (bothNaN) {
      correct++; // r == c is false for NaN in the caller
    }
    if (Double.isFinite(r) && Double.isFinite(h)) {
      double d = Math.abs((r - h) - ref.lo[i]);
      su = Math.scalb(d, -ref.ulpExp[i]);
      se = h == 0 ? (d == 0 ? 0 : Double.POSITIVE_INFINITY) : d / Math.abs(h);
    } else if (r == c || bothNaN) {
      su = 0;
      se = 0;
    } else {
      su = Double.POSITIVE_INFINITY;
      se = Double.POSITIVE_INFINITY;
    }
    if (su == Double.POSITIVE_INFINITY) {
      infUlp++;
    }
    if (se == Double.POSITIVE_INFINITY) {
      infRel++;
    }
  }

  /**
   * Adds another accumulator's points after this one's (the worst point is the first one reaching
   * the maximum, in that order).
   */
  public void merge(ErrorStats o) {
    if (o.worstUlpIndex >= 0 && (worstUlpIndex < 0 || o.maxUlp > maxUlp)) {
      worstUlpIndex = o.worstUlpIndex;
      worstUlpInput = o.worstUlpInput;
    }
    if (o.worstRelIndex >= 0 && (worstRelIndex < 0 || o.maxRel > maxRel)) {
      worstRelIndex = o.worstRelIndex;
      worstRelInput = o.worstRelInput;
    }
    maxUlp = Math.max(maxUlp, o.maxUlp);
    maxRel = Math.max(maxRel, o.maxRel);
    points += o.points;
    sumUlp += o.sumUlp;
    sumRel += o.sumRel;
    infUlp += o.infUlp;
    infRel += o.infRel;
    correct += o.correct;
  }

  /**
   * A partial result assembled by the {@link CertificateVerifier}: every field as {@link #add}
   * would have left it on a fresh accumulator.
   */
  static ErrorStats partial(
      long points,
      double maxUlp,
      double sumUlp,
      double maxRel,
      double sumRel,
      long infUlp,
      long infRel,
      long correct,
      long worstUlpIndex,
      double worstUlpInput,
      long worstRelIndex,
      double worstRelInput) {
    ErrorStats s = new ErrorStats();
    s.points = points;
    s.maxUlp = maxUlp;
    s.sumUlp = sumUlp;
    s.maxRel = maxRel;
    s.sumRel = sumRel;
    s.infUlp = infUlp;
    s.infRel = infRel;
    s.correct = correct;
    s.worstUlpIndex = worstUlpIndex;
    s.worstUlpInput = worstUlpInput;
    s.worstRelIndex = worstRelIndex;
    s.worstRelInput = worstRelInput;
    return s;
  }

  /** The sum of the finite ULP errors (for partial results). */
  double sumUlp() {
    return sumUlp;
  }

  /** The sum of the finite relative errors (for partial results). */
  double sumRel() {
    return sumRel;
  }

  /** The domain index of the worst ULP point (-1 if none was worse than 0). */
  long worstUlpIndex() {
    return worstUlpIndex;
  }

  /** The domain index of the worst relative point (-1 if none was worse than 0). */
  long worstRelIndex() {
    return worstRelIndex;
  }

  public long points() {
    return points;
  }

  public double maxUlp() {
    return maxUlp;
  }

  public double meanUlp() {
    return points == 0 ? 0 : sumUlp / points;
  }

  public double maxRel() {
    return maxRel;
  }

  public double meanRel() {
    return points == 0 ? 0 : sumRel / points;
  }

  /** Points whose ULP error is infinite. */
  public long infiniteUlp() {
    return infUlp;
  }

  /** Points whose relative error is infinite. */
  public long infiniteRel() {
    return infRel;
  }

  /** Points whose result is the correctly rounded one (any NaN for NaN; zeros of either sign). */
  public long correctlyRounded() {
    return correct;
  }

  /** The input with the largest ULP error (the first one), NaN if none was worse than 0. */
  public double worstUlpInput() {
    return worstUlpInput;
  }

  /** The input with the largest relative error (the first one), NaN if none was worse than 0. */
  public double worstRelInput() {
    return worstRelInput;
  }

  /**
   * The metrics, in report order: max and mean ULP, max and mean relative error, the fraction
   * correctly rounded, the counts of infinite errors, and the worst input of the objective.
   *
   * @param relObjective whether the objective is relative error (else ULPs): which worst input
   */
  public List<Metric> metrics(boolean relObjective) {
    List<Metric> m = new ArrayList<>();
    m.add(Metric.real(Metric.MAX_ULP, maxUlp));
    m.add(Metric.real(Metric.MEAN_ULP, meanUlp()));
    m.add(Metric.real(Metric.MAX_REL_ERR, maxRel));
    m.add(Metric.real(Metric.MEAN_REL_ERR, meanRel()));
    m.add(Metric.fraction("correctly_rounded", points == 0 ? 1 : (double) correct / points));
    m.add(Metric.count("inf_ulp_points", infUlp));
    m.add(Metric.count("inf_rel_points", infRel));
    m.add(Metric.input("worst_input", relObjective ? worstRelInput : worstUlpInput));
    return m;
  }
}
