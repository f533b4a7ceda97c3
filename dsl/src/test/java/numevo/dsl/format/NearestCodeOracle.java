package numevo.dsl.format;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The code a conversion must give, found by brute force from a {@link FormatSpec}: the nearest of
 * the format's finite values in exact arithmetic, ties to the code with the even last bit, with the
 * ml_dtypes overflow rule (round as if the exponent range went on; a result beyond the largest
 * finite value overflows). Shares no code with {@link NumberFormat}.
 */
final class NearestCodeOracle {
  private final FormatSpec spec;

  /**
   * Magnitudes of the non-negative finite codes 0..maxFiniteCode, ascending (codes of one sign are
   * ordered like their values), and one more: the value just past the largest finite one.
   */
  private final BigDecimal[] magnitudes;

  /** The same values as doubles (every one is a double), to find a value's neighbours quickly. */
  private final double[] magnitudeDoubles;

  NearestCodeOracle(FormatSpec spec) {
    this.spec = spec;
    int past = spec.maxFiniteCode() + 1;
    magnitudes = new BigDecimal[past + 1];
    magnitudeDoubles = new double[past + 1];
    for (int c = 0; c <= past; c++) {
      magnitudes[c] = spec.magnitudeOfPattern(c);
      magnitudeDoubles[c] = magnitudes[c].doubleValue();
      if (magnitudes[c].compareTo(Exact.of(magnitudeDoubles[c])) != 0) {
        throw new AssertionError(spec.format() + " value " + magnitudes[c] + " is not a double");
      }
    }
  }

  FormatSpec spec() {
    return spec;
  }

  /** The largest finite value. */
  BigDecimal maxFinite() {
    return magnitudes[spec.maxFiniteCode()];
  }

  /**
   * The midpoints between neighbouring non-negative finite values, ascending, and last the overflow
   * threshold (midway between the largest finite value and the one past it).
   */
  List<BigDecimal> midpoints() {
    List<BigDecimal> out = new ArrayList<>();
    for (int c = 0; c + 1 < magnitudes.length; c++) {
      out.add(Exact.midpoint(magnitudes[c], magnitudes[c + 1]));
    }
    return out;
  }

  /**
   * The indexes worth checking where checking all would be slow: all of an 8-bit format's
   * 0..maxFiniteCode; of a 16-bit format's, the lowest and highest 64 (from zero into the
   * subnormals, and up to the overflow threshold), those around the smallest normal value, and
   * every 32nd. Index {@code i} stands for the value of code {@code i} and the midpoint above it.
   */
  List<Integer> sampleIndexes() {
    int count = magnitudes.length - 1;
    int minNormalCode = 1 << spec.mantissaBits();
    List<Integer> picked = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      boolean edge = i < 64 || i >= count - 64 || Math.abs(i - minNormalCode) <= 2;
      if (count <= 256 || edge || i % 32 == 0) {
        picked.add(i);
      }
    }
    return picked;
  }

  /** The midpoints above the {@link #sampleIndexes()}. */
  List<BigDecimal> midpointsSample() {
    List<BigDecimal> all = midpoints();
    return sampleIndexes().stream().map(all::get).toList();
  }

  /** The expected code for a double, under the given saturation. */
  long encode(double x, Saturation saturation) {
    boolean negative = Double.doubleToRawLongBits(x) < 0;
    if (Double.isNaN(x)) {
      return spec.nanCode(negative);
    }
    if (Double.isInfinite(x)) {
      if (saturation == Saturation.ALL) {
        return sign(negative) | spec.maxFiniteCode();
      }
      return overflowCode(negative);
    }
    return code(nearestIndex(Math.abs(x)), negative, saturation);
  }

  /**
   * The expected code for an exact magnitude with a sign.
   *
   * @param magnitude a non-negative value
   * @param negative the sign (kept on zero where the format has -0)
   */
  long encode(BigDecimal magnitude, boolean negative, Saturation saturation) {
    return code(nearestIndex(magnitude), negative, saturation);
  }

  /**
   * The code for the result of {@link #nearestIndex}, with a sign, under a saturation.
   *
   * @param index a magnitude's index; past the largest finite one means overflow
   */
  long code(int index, boolean negative, Saturation saturation) {
    if (index > spec.maxFiniteCode()) {
      return saturation == Saturation.NONE
          ? overflowCode(negative)
          : sign(negative) | spec.maxFiniteCode();
    }
    if (index == 0 && spec.specials() == FormatSpec.Specials.FNUZ) {
      return 0;
    }
    return sign(negative) | index;
  }

  private long overflowCode(boolean negative) {
    return spec.specials() == FormatSpec.Specials.IEEE
        ? sign(negative) | spec.infinityCode()
        : spec.nanCode(negative);
  }

  private long sign(boolean negative) {
    return negative ? spec.signBit() : 0;
  }

  /**
   * The index of the magnitude nearest a finite non-negative double, ties to the even index; past
   * the largest finite one means overflow.
   */
  int nearestIndex(double m) {
    // Comparisons between doubles are exact, so the search needs no BigDecimal.
    int i = Arrays.binarySearch(magnitudeDoubles, m);
    if (i >= 0) {
      return i;
    }
    return nearestOf(-i - 2, Exact.of(m));
  }

  /** Like {@link #nearestIndex(double)} for an exact non-negative value. */
  int nearestIndex(BigDecimal m) {
    // Search among the doubles first, then settle exactly: the double nearest m may lie on the
    // other side of a magnitude.
    int i = Arrays.binarySearch(magnitudeDoubles, m.doubleValue());
    i = i >= 0 ? i : Math.max(0, -i - 2);
    while (i > 0 && magnitudes[i].compareTo(m) > 0) {
      i--;
    }
    while (i + 1 < magnitudes.length && magnitudes[i + 1].compareTo(m) <= 0) {
      i++;
    }
    return magnitudes[i].compareTo(m) == 0 ? i : nearestOf(i, m);
  }

  /** Of the magnitudes at {@code below} and above it, the one nearer {@code m}, ties to even. */
  private int nearestOf(int below, BigDecimal m) {
    int above = below + 1;
    if (above == magnitudes.length) {
      return above;
    }
    int cmp = m.subtract(magnitudes[below]).compareTo(magnitudes[above].subtract(m));
    if (cmp != 0) {
      return cmp < 0 ? below : above;
    }
    return (below & 1) == 0 ? below : above;
  }
}
