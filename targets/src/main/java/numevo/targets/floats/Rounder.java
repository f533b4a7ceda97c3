package numevo.targets.floats;

import numevo.dsl.format.NumberFormat;

/**
 * Decides, from an approximation {@code hi + lo} with an error bound, the correctly rounded result
 * in a format and the binade of the exact value, or says it cannot: when the interval of possible
 * exact values contains a rounding boundary (a midpoint between two values of the format) or a
 * power of two. Works in double arithmetic with error-free sums; no allocation. After a successful
 * {@link #decide}, {@link #rounded()} and {@link #ulpExponent()} hold the answer. Not thread-safe.
 */
final class Rounder {
  private final NumberFormat format;
  private final boolean f32;
  private final boolean f64;
  private final int minExponent;
  private final int mantissaBits;
  private final double[] s = new double[2];

  private double rounded;
  private int ulpExponent;

  Rounder(NumberFormat format) {
    this.format = format;
    this.f32 = format == NumberFormat.FLOAT32;
    this.f64 = format == NumberFormat.FLOAT64;
    this.minExponent = format.minExponent();
    this.mantissaBits = format.mantissaBits();
  }

  double rounded() {
    return rounded;
  }

  int ulpExponent() {
    return ulpExponent;
  }

  /** Overrides the ULP exponent (after an exact fallback decided it). */
  void setUlpExponent(int e) {
    ulpExponent = e;
  }

  /** Takes {@code v} as exact: a special value or an exact case. */
  void exact(double v) {
    rounded = round(v);
    ulpExponent = Ulp.binade(v, 0, minExponent) - mantissaBits;
  }

  /**
   * Tries to decide the rounding of a value in {@code [hi + lo - err, hi + lo + err]}.
   *
   * @return whether both ends round alike and lie in the same binade
   */
  boolean decide(double hi, double lo, double err) {
    if (!Double.isFinite(hi)) {
      exact(hi);
      return true;
    }
    if (f32 && fast32(hi, lo, err)) {
      return true;
    }
    // Widen by the rounding of lo -+ err, then form both ends as exact double-doubles.
    double e = err + Math.ulp(Math.abs(lo) + err);
    DoubleDouble.twoSum(hi, lo - e, s);
    double lh = s[0];
    double ll = s[1];
    DoubleDouble.twoSum(hi, lo + e, s);
    double uh = s[0];
    double ul = s[1];
    double rl = roundDD(lh, ll);
    double ru = roundDD(uh, ul);
    if (rl != ru) {
      return false;
    }
    int bl = Ulp.binade(lh, ll, minExponent);
    int bu = Ulp.binade(uh, ul, minExponent);
    if (bl != bu) {
      return false;
    }
    rounded = roundDD(hi, lo);
    ulpExponent = bl - mantissaBits;
    return true;
  }

  /**
   * The common float32 case without error-free sums: decides when the interval stays clear of the
   * nearest float32 midpoint and of the powers of two around hi; false sends the point to the
   * careful path (subnormal and overflowing results, points near a boundary).
   */
  private boolean fast32(double hi, double lo, double err) {
    double w = Math.abs(lo) + err;
    w += w * 0x1p-50; // the rounding of that sum
    double a = Math.abs(hi);
    if (a + w < 0x1p-150) { // rounds to zero, below half the smallest subnormal
      rounded = hi < 0 ? -0.0 : 0.0;
      ulpExponent = -149;
      return true;
    }
    long bits = Double.doubleToRawLongBits(hi);
    int e = (int) ((bits >>> 52) & 0x7ff) - 1023;
    if (e < -126 || a >= Float.MAX_VALUE) {
      return false;
    }
    int binade;
    if ((bits & 0x000F_FFFF_FFFF_FFFFL) == 0) {
      if (Math.abs(lo) <= err) {
        return false;
      }
      binade = (lo < 0) == (hi < 0) ? e : e - 1; // the side of the power of two lo points to
      if (binade < -126) {
        return false;
      }
    } else {
      if (err >= 0.5 * Math.ulp(hi)) {
        return false;
      }
      binade = e;
    }
    float f = (float) hi;
    double df = f;
    double m;
    if (hi > df) {
      m = 0.5 * (df + (double) Math.nextUp(f)); // exact: a float32 midpoint is a double
    } else if (hi < df) {
      m = 0.5 * (df + (double) Math.nextDown(f));
    } else {
      if (w >= 0.25 * Math.ulp(f)) {
        return false;
      }
      rounded = df;
      ulpExponent = binade - 23;
      return true;
    }
    if (Math.abs(hi - m) <= w) {
      return false;
    }
    rounded = df;
    ulpExponent = binade - 23;
    return true;
  }

  /** Rounds {@code hi + lo} (a normalized double-double) once to the format. */
  double roundDD(double hi, double lo) {
    if (f64 || lo == 0) {
      return round(hi);
    }
    // hi + lo rounds like hi unless hi is itself a midpoint of the format, which the only double
    // strictly between nextDown(hi) and nextUp(hi) can be: then lo says which side.
    double down = round(Math.nextDown(hi));
    double up = round(Math.nextUp(hi));
    if (down != up) {
      return lo > 0 ? up : down;
    }
    return round(hi);
  }

  double round(double v) {
    return f32 ? (double) (float) v : format.round(v);
  }
}
