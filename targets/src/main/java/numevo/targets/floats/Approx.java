package numevo.targets.floats;

/**
 * A mutable holder for an approximation of a real value: the value lies in {@code [hi + lo - err,
 * hi + lo + err]}, or is exactly {@code hi + lo} when {@link #exact()}. Reused per thread, so that
 * computing references allocates nothing per point.
 */
public final class Approx {
  private double hi;
  private double lo;
  private double err;
  private boolean exact;

  /** The leading part. */
  public double hi() {
    return hi;
  }

  /** The trailing part, with |lo| <= ulp(hi)/2 (0 for a plain double). */
  public double lo() {
    return lo;
  }

  /** The absolute error bound, at least 0. */
  public double err() {
    return err;
  }

  /** Whether {@code hi + lo} is the exact value (special inputs, exact cases). */
  public boolean exact() {
    return exact;
  }

  /** Sets an exact value (which may be NaN or infinite). */
  public void setExact(double v) {
    hi = v;
    lo = 0;
    err = 0;
    exact = true;
  }

  /**
   * Sets an approximation.
   *
   * @param hi the leading part
   * @param lo the trailing part, |lo| <= ulp(hi)/2
   * @param err the absolute error bound, positive
   */
  public void set(double hi, double lo, double err) {
    this.hi = hi;
    this.lo = lo;
    this.err = err;
    this.exact = false;
  }
}
