package numevo.targets.floats;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;
import numevo.dsl.format.NumberFormat;
import numevo.targets.TargetException;

/**
 * The inputs of a float target: every value of a format in a union of intervals, or every code of
 * the format (NaNs included). Held as sorted, disjoint ranges of codes, so that point {@code i} of
 * the domain is found without a search and a batch of consecutive points is a walk over codes.
 * Immutable.
 */
public final class FloatDomain {
  private final NumberFormat format;
  private final List<Interval> intervals; // empty for the whole format
  private final long[] starts; // code ranges [starts[r], ends[r])
  private final long[] ends;
  private final long[] firstIndex; // domain index of starts[r]
  private final long size;

  private FloatDomain(NumberFormat format, List<Interval> intervals, List<long[]> ranges) {
    this.format = format;
    this.intervals = List.copyOf(intervals);
    ranges.sort((a, b) -> Long.compareUnsigned(a[0], b[0]));
    List<long[]> merged = new ArrayList<>();
    for (long[] r : ranges) {
      long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && sameSign(last[0], r[0]) && r[0] <= last[1]) {
        last[1] = Math.max(last[1], r[1]);
      } else {
        merged.add(r.clone());
      }
    }
    int n = merged.size();
    starts = new long[n];
    ends = new long[n];
    firstIndex = new long[n];
    long total = 0;
    for (int r = 0; r < n; r++) {
      starts[r] = merged.get(r)[0];
      ends[r] = merged.get(r)[1];
      firstIndex[r] = total;
      try {
        total = Math.addExact(total, ends[r] - starts[r]);
      } catch (ArithmeticException e) {
        throw new TargetException("domain too large: more than 2^63 values of " + format);
      }
    }
    size = total;
    if (size == 0) {
      throw new TargetException("empty domain: no value of " + format + " lies in " + this);
    }
  }

  private boolean sameSign(long a, long b) {
    long sign = signMask(format);
    return (a & sign) == (b & sign);
  }

  /**
   * Every code of a format of at most 32 bits, NaNs and infinities included (2^32 for float32).
   *
   * @throws TargetException for a wider format
   */
  public static FloatDomain all(NumberFormat format) {
    if (format.bits() > 32) {
      throw new TargetException("'all' needs a format of at most 32 bits, not " + format);
    }
    long sign = signMask(format);
    List<long[]> ranges = new ArrayList<>();
    ranges.add(new long[] {0, sign});
    ranges.add(new long[] {sign, 2 * sign});
    return new FloatDomain(format, List.of(), ranges);
  }

  /**
   * The values of {@code format} in the union of {@code intervals}.
   *
   * @param intervals at least one
   * @throws TargetException if no value lies in them, or there are more than 2^63
   */
  public static FloatDomain of(NumberFormat format, List<Interval> intervals) {
    Objects.requireNonNull(format, "format");
    if (intervals.isEmpty()) {
      throw new IllegalArgumentException("no intervals");
    }
    List<long[]> ranges = new ArrayList<>();
    Keys keys = new Keys(format);
    for (Interval iv : intervals) {
      long lo = keys.firstKey(iv);
      long hi = keys.lastKey(iv);
      if (lo > hi) {
        continue; // no value of the format in this interval
      }
      if (lo < 0) {
        long magHi = -lo - keys.negOffset;
        long magLo = -Math.min(hi, -1) - keys.negOffset;
        long sign = signMask(format);
        ranges.add(new long[] {sign | magLo, (sign | magHi) + 1});
      }
      if (hi >= 0) {
        ranges.add(new long[] {Math.max(lo, 0), hi + 1});
      }
    }
    return new FloatDomain(format, intervals, ranges);
  }

  private static long signMask(NumberFormat f) {
    return 1L << (f.bits() - 1);
  }

  /** The format of the values. */
  public NumberFormat format() {
    return format;
  }

  /** The intervals; empty when the domain is every code of the format. */
  public List<Interval> intervals() {
    return intervals;
  }

  /** Number of values (codes) in the domain. */
  public long size() {
    return size;
  }

  /** Whether every value can be scored in a reasonable time: formats of at most 32 bits. */
  public boolean enumerable() {
    return format.bits() <= 32;
  }

  /** Whether {@code v}, a value of the format, is in the domain (NaN only for {@code all}). */
  public boolean contains(double v) {
    if (Double.isNaN(v)) {
      return intervals.isEmpty();
    }
    long code = format.encode(v);
    for (int r = 0; r < starts.length; r++) {
      if (code >= starts[r] && code < ends[r]) {
        return true;
      }
    }
    return false;
  }

  /**
   * Point {@code index} of the domain, in code order.
   *
   * @param index in {@code [0, size())}
   */
  public double valueAt(long index) {
    int r = rangeOf(index);
    return format.decode(starts[r] + (index - firstIndex[r]));
  }

  /**
   * Writes points {@code [from, from + n)} of the domain to {@code out[0 .. n)}.
   *
   * @param from the first index, {@code from + n <= size()}
   */
  public void fill(long from, double[] out, int n) {
    if (from < 0 || n < 0 || from + n > size) {
      throw new IndexOutOfBoundsException("points [" + from + ", " + (from + n) + ") of " + size);
    }
    int i = 0;
    int r = n == 0 ? 0 : rangeOf(from);
    long code = starts.length == 0 ? 0 : starts[r] + (from - firstIndex[r]);
    boolean f32 = format == NumberFormat.FLOAT32;
    while (i < n) {
      long end = Math.min(ends[r], code + (n - i));
      if (f32) {
        for (long c = code; c < end; c++) {
          out[i++] = Float.intBitsToFloat((int) c);
        }
      } else {
        for (long c = code; c < end; c++) {
          out[i++] = format.decode(c);
        }
      }
      if (i < n) {
        r++;
        code = starts[r];
      }
    }
  }

  /**
   * The code of point {@code index} of the domain.
   *
   * @param index in {@code [0, size())}
   */
  public long codeAt(long index) {
    int r = rangeOf(index);
    return starts[r] + (index - firstIndex[r]);
  }

  /**
   * How many of the points {@code [index, index + n)} have consecutive codes from {@link
   * #codeAt(long) codeAt(index)} on: {@code n} unless the points cross from one range of codes to
   * the next.
   *
   * @param index in {@code [0, size())}
   * @param n at least 0
   */
  public int consecutive(long index, int n) {
    int r = rangeOf(index);
    long code = starts[r] + (index - firstIndex[r]);
    return (int) Math.min(n, ends[r] - code);
  }

  private int rangeOf(long index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("point " + index + " of " + size);
    }
    int r = 0;
    while (r + 1 < starts.length && firstIndex[r + 1] <= index) {
      r++;
    }
    return r;
  }

  /**
   * The smallest closed interval of finite values holding the domain's finite values: the
   * intervals' ends clipped to the format's finite range ({@code [-max, max]} for every code).
   */
  public Interval finiteHull() {
    double m = format.maxFinite();
    if (intervals.isEmpty()) {
      return Interval.closed(-m, m);
    }
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Interval iv : intervals) {
      lo = Math.min(lo, Math.max(iv.lo(), -m));
      hi = Math.max(hi, Math.min(iv.hi(), m));
    }
    return Interval.closed(lo, Math.max(lo, hi));
  }

  /** E.g. {@code [0, 1) of float32} or {@code all float32 codes}. */
  @Override
  public String toString() {
    if (intervals.isEmpty()) {
      return "all " + format + " codes";
    }
    StringJoiner j = new StringJoiner(" ");
    intervals.forEach(iv -> j.add(iv.toString()));
    return j + " of " + format;
  }

  /**
   * An order-preserving numbering of the non-NaN values of a format: +0 is 0, positive values count
   * up by code, negative values count down from -1 (-0, where the format has it).
   */
  private static final class Keys {
    private final NumberFormat f;
    private final long negOffset;
    private final long maxMag;

    Keys(NumberFormat f) {
      this.f = f;
      this.negOffset = f.hasNegativeZero() ? 1 : 0;
      if (f.hasInfinity()) {
        maxMag = ((1L << f.exponentBits()) - 1) << f.mantissaBits();
      } else {
        long m = signMask(f) - 1;
        while (Double.isNaN(f.decode(m))) {
          m--;
        }
        maxMag = m;
      }
    }

    double value(long key) {
      return key >= 0 ? f.decode(key) : f.decode(signMask(f) | (-key - negOffset));
    }

    long key(double v) {
      long code = f.encode(v);
      long mag = code & ~signMask(f);
      return (code & signMask(f)) == 0 ? mag : -mag - negOffset;
    }

    long minKey() {
      return -maxMag - negOffset;
    }

    long firstKey(Interval iv) {
      long k = key(clamp(iv.lo()));
      while (k > minKey() && iv.contains(value(k - 1))) {
        k--;
      }
      while (k <= maxMag && !(iv.contains(value(k)) || value(k) > iv.hi())) {
        k++;
      }
      return k;
    }

    long lastKey(Interval iv) {
      long k = key(clamp(iv.hi()));
      while (k < maxMag && iv.contains(value(k + 1))) {
        k++;
      }
      while (k >= minKey() && !(iv.contains(value(k)) || value(k) < iv.lo())) {
        k--;
      }
      return k;
    }

    /** {@code v} rounded into the format's non-NaN range. */
    private double clamp(double v) {
      double m = value(maxMag);
      double r = f.round(Math.max(-m, Math.min(m, v)));
      return Double.isNaN(r) ? 0.0 : r;
    }
  }
}
