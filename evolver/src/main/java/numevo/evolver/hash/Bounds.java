package numevo.evolver.hash;

/**
 * The range of one input over which functions are compared: probes are drawn from it. A float input
 * ranges over the values of the format in {@code [lo, hi]} (in the order of {@link
 * Double#compare}); an i32 input over the ints in it.
 *
 * @param lo the lower bound, not NaN
 * @param hi the upper bound, not NaN, {@code >= lo}
 */
public record Bounds(double lo, double hi) {

  /** Everything: both infinities included. */
  public static final Bounds ALL = new Bounds(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

  /**
   * @throws IllegalArgumentException if a bound is NaN or {@code lo > hi}
   */
  public Bounds {
    if (Double.isNaN(lo) || Double.isNaN(hi) || Double.compare(lo, hi) > 0) {
      throw new IllegalArgumentException("need lo <= hi, neither NaN: [" + lo + ", " + hi + "]");
    }
  }

  /** See the record's components. */
  public static Bounds of(double lo, double hi) {
    return new Bounds(lo, hi);
  }
}
