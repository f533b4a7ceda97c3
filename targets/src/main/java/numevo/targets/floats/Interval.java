package numevo.targets.floats;

import numevo.dsl.format.FloatLiterals;
import numevo.dsl.format.NumberFormat;

/**
 * An interval of real numbers, each end open or closed, for float domains. {@code -0} and {@code
 * +0} are both in an interval that contains 0.
 *
 * @param lo the lower end, not NaN ({@code -inf} allowed)
 * @param loClosed whether {@code lo} belongs to the interval
 * @param hi the upper end, not NaN, at least {@code lo}
 * @param hiClosed whether {@code hi} belongs to the interval
 */
public record Interval(double lo, boolean loClosed, double hi, boolean hiClosed) {

  public Interval {
    if (Double.isNaN(lo) || Double.isNaN(hi)) {
      throw new IllegalArgumentException("an interval end is NaN");
    }
    if (lo > hi || (lo == hi && !(loClosed && hiClosed))) {
      throw new IllegalArgumentException("empty interval " + text(lo, loClosed, hi, hiClosed));
    }
  }

  /** {@code [lo, hi)}. */
  public static Interval closedOpen(double lo, double hi) {
    return new Interval(lo, true, hi, false);
  }

  /** {@code [lo, hi]}. */
  public static Interval closed(double lo, double hi) {
    return new Interval(lo, true, hi, true);
  }

  /** {@code (lo, hi]}. */
  public static Interval openClosed(double lo, double hi) {
    return new Interval(lo, false, hi, true);
  }

  /** Whether {@code v} lies in the interval (false for NaN). */
  public boolean contains(double v) {
    return (loClosed ? v >= lo : v > lo) && (hiClosed ? v <= hi : v < hi);
  }

  /** E.g. {@code [0, 1)}, with ends as short decimals. */
  @Override
  public String toString() {
    return text(lo, loClosed, hi, hiClosed);
  }

  private static String text(double lo, boolean lc, double hi, boolean hc) {
    return (lc ? "[" : "(")
        + FloatLiterals.format(lo, NumberFormat.FLOAT64)
        + ", "
        + FloatLiterals.format(hi, NumberFormat.FLOAT64)
        + (hc ? "]" : ")");
  }
}
