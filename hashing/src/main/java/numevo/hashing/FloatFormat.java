package numevo.hashing;

import java.util.Objects;
import java.util.function.DoubleToLongFunction;
import java.util.function.DoubleUnaryOperator;

/**
 * What hashing needs to know about a binary floating-point number format, without depending on the
 * module that defines formats: a name mixed into every hash, a rounding function to snap probe
 * points to the format, an encoder from values to codes, and three limits.
 *
 * <p>Values of the format are carried as {@code double}s holding a value of the format exactly.
 * Whether the format has infinities and a negative zero is read off the rounding function: {@code
 * round(+Inf)} is infinite, and {@code round(-0.0)} keeps its sign.
 *
 * <p>Equality and hash code use the name and the limits only: the functions are compared by
 * nothing, since lambdas have no useful equality. Two instances with the same name must therefore
 * round and encode identically; the name identifies the format.
 *
 * @param name the format's name, e.g. {@code "float32"}; non-blank
 * @param round snaps any double to a value of the format; must be monotone (non-decreasing), map
 *     values of the format to themselves, and give NaN for NaN; round-to-nearest-even is expected
 *     but only monotonicity matters here, since it is used only to make probe points; non-null
 * @param encode the format's code of a value of the format, and for {@link Double#NaN} the code
 *     that stands for every NaN (its {@linkplain #canonicalNaN() canonical NaN}); non-null
 * @param minSubnormal the smallest positive value, {@code > 0}
 * @param minNormal the smallest positive normal value, {@code >= minSubnormal}
 * @param maxFinite the largest finite value, {@code >= minNormal}, finite
 */
public record FloatFormat(
    String name,
    DoubleUnaryOperator round,
    DoubleToLongFunction encode,
    double minSubnormal,
    double minNormal,
    double maxFinite) {

  /** IEEE binary32, as Java {@code float} computes it; codes are the 32 bits, zero-extended. */
  public static final FloatFormat FLOAT32 =
      new FloatFormat(
          "float32",
          x -> (float) x,
          v -> Float.floatToIntBits((float) v) & 0xffff_ffffL,
          Float.MIN_VALUE,
          Float.MIN_NORMAL,
          Float.MAX_VALUE);

  /** IEEE binary64; codes are the 64 bits. */
  public static final FloatFormat FLOAT64 =
      new FloatFormat(
          "float64",
          x -> x,
          Double::doubleToLongBits,
          Double.MIN_VALUE,
          Double.MIN_NORMAL,
          Double.MAX_VALUE);

  /**
   * Validates the description.
   *
   * @throws NullPointerException if a reference component is null
   * @throws IllegalArgumentException if the name is blank, the limits are out of order, or a limit
   *     is not a value of the format according to {@code round}
   */
  public FloatFormat {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(round, "round");
    Objects.requireNonNull(encode, "encode");
    if (name.isBlank()) {
      throw new IllegalArgumentException("format name is blank");
    }
    if (!(minSubnormal > 0
        && minNormal >= minSubnormal
        && maxFinite >= minNormal
        && maxFinite < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(
          "format "
              + name
              + ": need 0 < minSubnormal <= minNormal <= maxFinite < Inf, got "
              + minSubnormal
              + ", "
              + minNormal
              + ", "
              + maxFinite);
    }
    for (double limit : new double[] {minSubnormal, minNormal, maxFinite}) {
      if (Double.doubleToRawLongBits(round.applyAsDouble(limit))
          != Double.doubleToRawLongBits(limit)) {
        throw new IllegalArgumentException(
            "format " + name + ": limit " + limit + " is not a value of the format");
      }
    }
  }

  /** See the record's components; the same contracts apply. */
  public static FloatFormat of(
      String name,
      DoubleUnaryOperator round,
      DoubleToLongFunction encode,
      double minSubnormal,
      double minNormal,
      double maxFinite) {
    return new FloatFormat(name, round, encode, minSubnormal, minNormal, maxFinite);
  }

  /**
   * The canonical NaN code, {@code encode(Double.NaN)}: the code hashed for every NaN output, and
   * the code an evaluator writing codes must give for every NaN.
   */
  public long canonicalNaN() {
    return encode.applyAsLong(Double.NaN);
  }

  /** Whether the format has infinities ({@code round(+Inf)} is infinite). */
  public boolean hasInfinity() {
    return Double.isInfinite(round.applyAsDouble(Double.POSITIVE_INFINITY));
  }

  /** Whether the format has a negative zero ({@code round(-0.0)} keeps its sign). */
  public boolean hasNegativeZero() {
    return Double.doubleToRawLongBits(round.applyAsDouble(-0.0)) < 0;
  }

  /**
   * Whether {@code x} is a value of the format: {@code round(x)} has the same bits as {@code x}.
   * Infinities are values only in formats with infinities; NaN is never a value here (domains admit
   * it separately).
   */
  public boolean isValue(double x) {
    return !Double.isNaN(x)
        && Double.doubleToRawLongBits(round.applyAsDouble(x)) == Double.doubleToRawLongBits(x);
  }

  /**
   * The code hashed for a value: {@link #canonicalNaN()} for every NaN, whatever its payload or
   * sign, otherwise {@code encode(v)}.
   */
  public long code(double v) {
    return encode.applyAsLong(Double.isNaN(v) ? Double.NaN : v);
  }

  /**
   * The smallest finite value of the format that is {@code >= x}, in the order of {@link
   * Double#compare} (so {@code -0.0 < +0.0}).
   *
   * @param x a double, not NaN
   * @return that value, or NaN if {@code x > maxFinite}
   * @throws IllegalArgumentException if {@code x} is NaN
   */
  public double ceil(double x) {
    requireNotNaN(x);
    if (Double.compare(x, maxFinite) > 0) {
      return Double.NaN;
    }
    // round is monotone, so "round(y) >= x" is monotone in y: bisect over the ordered bit
    // patterns of doubles in [max(x, -maxFinite), maxFinite] for the smallest such y.
    long lo = orderKey(Math.max(x, -maxFinite));
    long hi = orderKey(maxFinite);
    while (lo < hi) {
      long mid = (lo >> 1) + (hi >> 1) + (lo & hi & 1);
      if (Double.compare(round.applyAsDouble(fromOrderKey(mid)), x) >= 0) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return round.applyAsDouble(fromOrderKey(lo));
  }

  /**
   * The largest finite value of the format that is {@code <= x}, in the order of {@link
   * Double#compare}.
   *
   * @param x a double, not NaN
   * @return that value, or NaN if {@code x < -maxFinite}
   * @throws IllegalArgumentException if {@code x} is NaN
   */
  public double floor(double x) {
    requireNotNaN(x);
    if (Double.compare(x, -maxFinite) < 0) {
      return Double.NaN;
    }
    // Not -ceil(-x): formats without -0 are not symmetric. Bisect for the largest y with
    // round(y) <= x; the ceiling of the midpoint keeps the loop moving.
    long lo = orderKey(-maxFinite);
    long hi = orderKey(Math.min(x, maxFinite));
    while (lo < hi) {
      long mid = (lo >> 1) + (hi >> 1) + ((lo | hi) & 1);
      if (Double.compare(round.applyAsDouble(fromOrderKey(mid)), x) <= 0) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return round.applyAsDouble(fromOrderKey(lo));
  }

  private static void requireNotNaN(double x) {
    if (Double.isNaN(x)) {
      throw new IllegalArgumentException("NaN has no neighbours in a format");
    }
  }

  /**
   * A key whose signed order is the order of {@link Double#compare} on non-NaN doubles. The map is
   * its own inverse.
   */
  static long orderKey(double d) {
    long b = Double.doubleToRawLongBits(d);
    return b >= 0 ? b : b ^ Long.MAX_VALUE;
  }

  static double fromOrderKey(long k) {
    return Double.longBitsToDouble(k >= 0 ? k : k ^ Long.MAX_VALUE);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FloatFormat f
        && name.equals(f.name)
        && Double.compare(minSubnormal, f.minSubnormal) == 0
        && Double.compare(minNormal, f.minNormal) == 0
        && Double.compare(maxFinite, f.maxFinite) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, minSubnormal, minNormal, maxFinite);
  }

  @Override
  public String toString() {
    return name;
  }
}
