package numevo.targets.floats;

import java.util.SplittableRandom;
import numevo.dsl.format.NumberFormat;
import numevo.targets.Split;

/**
 * A seeded sample of a float target's domain with its reference values, computed once. Immutable
 * (its arrays are never written after construction) and shared by the scorers of all threads.
 */
public final class FloatSample {
  private final double[] x;
  private final ReferenceColumns ref;
  private final long seed;

  private FloatSample(double[] x, ReferenceColumns ref, long seed) {
    this.x = x;
    this.ref = ref;
    this.seed = seed;
  }

  // Independent streams for the two splits of one seed.
  private static final long TRAINING_SALT = 0x7A11_C0DE_5EED_0001L;
  private static final long VALIDATION_SALT = 0x3C6E_F372_FE94_F82BL;

  /**
   * Draws {@code n} points as {@code plan} says and computes their reference.
   *
   * @param domain the domain, never null
   * @param plan how to draw, never null
   * @param reference the reference, never null
   * @param n the number of points, at least 1
   * @param seed the seed
   * @param split training or validation: independent samples for one seed
   */
  public static FloatSample draw(
      FloatDomain domain,
      SamplePlan plan,
      FloatReference reference,
      int n,
      long seed,
      Split split) {
    if (n < 1) {
      throw new IllegalArgumentException("a sample needs at least 1 point, got " + n);
    }
    SplittableRandom rng =
        new SplittableRandom(seed ^ (split == Split.TRAINING ? TRAINING_SALT : VALIDATION_SALT));
    double[] x = new double[n];
    int i = 0;
    for (double s : plan.specials()) {
      if (i < n && domain.contains(domain.format().round(s))) {
        x[i++] = domain.format().round(s);
      }
    }
    NumberFormat f = domain.format();
    Interval range = plan.valueRange();
    while (i < n) {
      double v = Double.NaN;
      boolean found = false;
      if (rng.nextDouble() >= plan.codeFraction()) {
        // value-uniform; rounding can leave the domain (an open end), so retry a few times
        for (int attempt = 0; attempt < 16 && !found; attempt++) {
          v = f.round(range.lo() + rng.nextDouble() * (range.hi() - range.lo()));
          found = domain.contains(v);
        }
      }
      if (!found) {
        v = domain.valueAt(rng.nextLong(domain.size()));
      }
      x[i++] = v;
    }
    ReferenceColumns ref = new ReferenceColumns(n);
    reference.evaluator(n).compute(x, n, ref);
    return new FloatSample(x, ref, seed);
  }

  /**
   * A sample at given points (each a value of the domain's format; duplicates allowed) with their
   * reference: for scoring kernels on chosen inputs, such as the worst ones a check found.
   *
   * @param reference the reference, never null
   * @param points the points, at least one (copied)
   * @param seed the seed reported with scores on this sample
   */
  public static FloatSample at(FloatReference reference, double[] points, long seed) {
    int n = points.length;
    if (n < 1) {
      throw new IllegalArgumentException("a sample needs at least 1 point, got " + n);
    }
    double[] x = points.clone();
    ReferenceColumns ref = new ReferenceColumns(n);
    reference.evaluator(n).compute(x, n, ref);
    return new FloatSample(x, ref, seed);
  }

  /** Number of points. */
  public int size() {
    return x.length;
  }

  /** The seed it was drawn with. */
  public long seed() {
    return seed;
  }

  /** Point {@code i}. */
  public double x(int i) {
    return x[i];
  }

  /** A copy of the points. */
  public double[] points() {
    return x.clone();
  }

  /** The reference values (read only by contract). */
  ReferenceColumns reference() {
    return ref;
  }

  /** The exact value at point {@code i}, to double precision. */
  public double exact(int i) {
    return ref.exact(i);
  }

  /** The leading part of the exact value at point {@code i}. */
  public double exactHi(int i) {
    return ref.hi[i];
  }

  /** The trailing part of the exact value at point {@code i}. */
  public double exactLo(int i) {
    return ref.lo[i];
  }

  /** The correctly rounded result at point {@code i}. */
  public double correctlyRounded(int i) {
    return ref.correctlyRounded(i);
  }
}
