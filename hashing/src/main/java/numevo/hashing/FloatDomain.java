package numevo.hashing;

import java.util.Objects;

/**
 * The domain of a {@link Kind#FLOAT} input: the values of {@code format} in {@code [lo, hi]}, plus
 * NaN if {@code nan}.
 *
 * <p>The bounds compare in the order of {@link Double#compare}, where {@code -0.0 < +0.0}: {@code
 * [0.0, 1.0]} excludes {@code -0} and {@code [-0.0, 1.0]} includes it. Infinite bounds admit the
 * infinities if the format has them; bounds need not be values of the format.
 *
 * @param format the number format; non-null
 * @param lo the lower bound, not NaN
 * @param hi the upper bound, not NaN, {@code >= lo}
 * @param nan whether NaN is in the domain
 */
public record FloatDomain(FloatFormat format, double lo, double hi, boolean nan) implements Domain {

  /**
   * Validates the domain.
   *
   * @throws NullPointerException if {@code format} is null
   * @throws IllegalArgumentException if a bound is NaN, {@code lo > hi}, or the domain holds no
   *     value of the format and not NaN either
   */
  public FloatDomain {
    Objects.requireNonNull(format, "format");
    if (Double.isNaN(lo) || Double.isNaN(hi) || Double.compare(lo, hi) > 0) {
      throw new IllegalArgumentException(
          "need lo <= hi, neither NaN; got [" + lo + ", " + hi + "]");
    }
    if (!nan && !hasFiniteValue(format, lo, hi) && !hasInfinity(format, lo, hi)) {
      throw new IllegalArgumentException(
          "[" + lo + ", " + hi + "] holds no value of " + format.name());
    }
  }

  /** The values of {@code format} in {@code [lo, hi]}, without NaN. */
  public static FloatDomain of(FloatFormat format, double lo, double hi) {
    return new FloatDomain(format, lo, hi, false);
  }

  /** Every value of {@code format}: both infinities if it has them, and NaN. */
  public static FloatDomain all(FloatFormat format) {
    return new FloatDomain(format, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, true);
  }

  /** Every finite value of {@code format}, without infinities or NaN. */
  public static FloatDomain finite(FloatFormat format) {
    return new FloatDomain(format, -format.maxFinite(), format.maxFinite(), false);
  }

  @Override
  public Kind kind() {
    return Kind.FLOAT;
  }

  /**
   * Whether {@code x} is in the domain: a value of the format within the bounds, or NaN if the
   * domain admits NaN.
   */
  public boolean contains(double x) {
    if (Double.isNaN(x)) {
      return nan;
    }
    return format.isValue(x) && Double.compare(lo, x) <= 0 && Double.compare(x, hi) <= 0;
  }

  /** The smallest finite value of the format in the domain, or NaN if there is none. */
  double finiteLow() {
    double c = format.ceil(lo);
    return !Double.isNaN(c) && Double.compare(c, hi) <= 0 ? c : Double.NaN;
  }

  /** The largest finite value of the format in the domain, or NaN if there is none. */
  double finiteHigh() {
    double f = format.floor(hi);
    return !Double.isNaN(f) && Double.compare(lo, f) <= 0 ? f : Double.NaN;
  }

  private static boolean hasFiniteValue(FloatFormat format, double lo, double hi) {
    double c = format.ceil(lo);
    return !Double.isNaN(c) && Double.compare(c, hi) <= 0;
  }

  private static boolean hasInfinity(FloatFormat format, double lo, double hi) {
    return format.hasInfinity()
        && (lo == Double.NEGATIVE_INFINITY || hi == Double.POSITIVE_INFINITY);
  }
}
