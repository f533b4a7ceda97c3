package numevo.dsl.format;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/**
 * A binary floating-point number format: the kernel's arithmetic rounds every float result to it.
 *
 * <p>Values of every format are carried as {@code double}s holding a value exactly representable in
 * the format (every format here is a subset of binary64). {@link #round(double)} is the single
 * round-to-nearest-even step that arithmetic and conversion use; {@link #encode(double)} and {@link
 * #decode(long)} move between values and the format's bit patterns ("codes").
 *
 * <p>FP8 semantics follow jax-ml/ml_dtypes ({@code float8.h}, v0.6.0): see {@code
 * ../shared/reference/formats.md}. Without saturation a finite value whose rounded magnitude
 * exceeds the largest finite value becomes Inf where the format has one and NaN otherwise.
 */
public enum NumberFormat {
  /** IEEE binary64: the format references are computed in. */
  FLOAT64("float64", 64, 11, 52, 1023, Special.IEEE),
  /** IEEE binary32: Java {@code float}. */
  FLOAT32("float32", 32, 8, 23, 127, Special.IEEE),
  /** IEEE binary16. */
  FLOAT16("float16", 16, 5, 10, 15, Special.IEEE),
  /** The top 16 bits of binary32. */
  BFLOAT16("bfloat16", 16, 8, 7, 127, Special.IEEE),
  /** FP8 E4M3, "fn": finite only; NaN is S.1111.111; signed zeros. */
  E4M3FN("e4m3fn", 8, 4, 3, 7, Special.FN),
  /** FP8 E5M2: IEEE-like, with Inf and NaN. */
  E5M2("e5m2", 8, 5, 2, 15, Special.IEEE),
  /** FP8 E4M3, "fnuz": finite only, unsigned zero, NaN is 0x80. */
  E4M3FNUZ("e4m3fnuz", 8, 4, 3, 8, Special.FNUZ),
  /** FP8 E5M2, "fnuz": finite only, unsigned zero, NaN is 0x80. */
  E5M2FNUZ("e5m2fnuz", 8, 5, 2, 16, Special.FNUZ);

  /** How a format spends its top codes on Inf and NaN. */
  private enum Special {
    /** All-ones exponent: Inf (zero mantissa) and NaN (nonzero mantissa). */
    IEEE,
    /** No Inf; only the all-ones code (each sign) is NaN. */
    FN,
    /** No Inf, no negative zero; the code of -0 (sign bit alone) is the only NaN. */
    FNUZ
  }

  private final String formatName;
  private final int bits;
  private final int exponentBits;
  private final int mantissaBits;
  private final int bias;
  private final Special special;
  private final int minExponent;
  private final double maxFinite;
  private final double minNormal;
  private final double minSubnormal;
  private final long signMask;
  private final long canonicalNaN;
  private final double[] decodeTable;

  NumberFormat(
      String formatName, int bits, int exponentBits, int mantissaBits, int bias, Special special) {
    this.formatName = formatName;
    this.bits = bits;
    this.exponentBits = exponentBits;
    this.mantissaBits = mantissaBits;
    this.bias = bias;
    this.special = special;
    this.minExponent = 1 - bias;
    int maxExpField = (1 << exponentBits) - 1;
    double maxMantissa;
    int maxExponent;
    switch (special) {
      case IEEE -> {
        maxExponent = maxExpField - 1 - bias;
        maxMantissa = 2.0 - Math.scalb(1.0, -mantissaBits);
      }
      case FN -> {
        maxExponent = maxExpField - bias;
        maxMantissa = 2.0 - Math.scalb(1.0, 1 - mantissaBits);
      }
      default -> {
        maxExponent = maxExpField - bias;
        maxMantissa = 2.0 - Math.scalb(1.0, -mantissaBits);
      }
    }
    this.maxFinite = Math.scalb(maxMantissa, maxExponent);
    this.minNormal = Math.scalb(1.0, minExponent);
    this.minSubnormal = Math.scalb(1.0, minExponent - mantissaBits);
    this.signMask = 1L << (bits - 1);
    this.canonicalNaN =
        switch (special) {
          case IEEE ->
              bits == 64
                  ? Double.doubleToLongBits(Double.NaN)
                  : ((long) maxExpField << mantissaBits) | (1L << (mantissaBits - 1));
          case FN -> (1L << (bits - 1)) - 1;
          case FNUZ -> signMask;
        };
    if (bits <= 16) {
      double[] table = new double[1 << bits];
      for (int c = 0; c < table.length; c++) {
        table[c] = decodeFields(c);
      }
      this.decodeTable = table;
    } else {
      this.decodeTable = null;
    }
  }

  /** The format's name as users write it, e.g. {@code "e4m3fn"}. */
  public String formatName() {
    return formatName;
  }

  /** Width of a code in bits: 8, 16, 32 or 64. */
  public int bits() {
    return bits;
  }

  /** Number of exponent bits. */
  public int exponentBits() {
    return exponentBits;
  }

  /** Number of explicit mantissa (fraction) bits. */
  public int mantissaBits() {
    return mantissaBits;
  }

  /** The exponent bias. */
  public int bias() {
    return bias;
  }

  /** Whether the format has infinities. */
  public boolean hasInfinity() {
    return special == Special.IEEE;
  }

  /** Whether the format has a negative zero. */
  public boolean hasNegativeZero() {
    return special != Special.FNUZ;
  }

  /** The largest finite value. */
  public double maxFinite() {
    return maxFinite;
  }

  /** The smallest positive normal value. */
  public double minNormal() {
    return minNormal;
  }

  /** The smallest positive subnormal value. */
  public double minSubnormal() {
    return minSubnormal;
  }

  /** The exponent of the smallest normal value ({@code 1 - bias}). */
  public int minExponent() {
    return minExponent;
  }

  /** The code the DSL's {@code bits} gives for every NaN (positive sign, quiet). */
  public long canonicalNaN() {
    return canonicalNaN;
  }

  /** Mask of the valid bits of a code ({@code 2^bits - 1}). */
  public long codeMask() {
    return bits == 64 ? -1L : (1L << bits) - 1;
  }

  /** Whether the DSL's {@code bits} / {@code frombits} ops exist: codes fit an i32. */
  public boolean hasI32Codes() {
    return bits <= 32;
  }

  /**
   * Rounds once, to nearest with ties to even, without saturation.
   *
   * @param x any double, including NaN and infinities
   * @return the nearest value of this format as a double; NaN for NaN, and for an overflow or an
   *     infinity in a format without infinities (carrying the sign of {@code x} in e4m3fn, whose
   *     NaNs are signed); a signed infinity for an overflow in a format with them. {@link
   *     #encode(double)} of the result is {@code encode(x)}.
   */
  public double round(double x) {
    return switch (this) {
      case FLOAT64 -> x;
      case FLOAT32 -> (float) x;
      default -> roundNarrow(x, Saturation.NONE);
    };
  }

  /**
   * Rounds once, to nearest with ties to even, with the given overflow policy.
   *
   * @param x any double
   * @param saturation what finite overflow and infinities become; never null
   * @return the rounded value
   */
  public double round(double x, Saturation saturation) {
    if (saturation == Saturation.NONE) {
      return round(x);
    }
    return switch (this) {
      case FLOAT64 ->
          Double.isInfinite(x) && saturation == Saturation.ALL ? Math.copySign(maxFinite, x) : x;
      case FLOAT32 -> {
        float f = (float) x;
        if (Float.isInfinite(f) && (saturation == Saturation.ALL || !Double.isInfinite(x))) {
          yield Math.copySign(maxFinite, x);
        }
        yield f;
      }
      default -> roundNarrow(x, saturation);
    };
  }

  private double roundNarrow(double x, Saturation saturation) {
    if (Double.isNaN(x)) {
      return x;
    }
    double a = Math.abs(x);
    if (a == 0.0) {
      return hasNegativeZero() ? x : 0.0;
    }
    if (Double.isInfinite(a)) {
      if (saturation == Saturation.ALL) {
        return Math.copySign(maxFinite, x);
      }
      return hasInfinity() ? x : overflowNaN(x);
    }
    int e = Math.getExponent(a);
    if (e < minExponent) {
      e = minExponent;
    }
    // Scaling by a power of two is exact here; rint rounds half to even.
    double r = Math.scalb(Math.rint(Math.scalb(a, mantissaBits - e)), e - mantissaBits);
    if (r > maxFinite) {
      if (saturation != Saturation.NONE) {
        return Math.copySign(maxFinite, x);
      }
      return hasInfinity() ? Math.copySign(Double.POSITIVE_INFINITY, x) : overflowNaN(x);
    }
    if (r == 0.0 && !hasNegativeZero()) {
      return 0.0;
    }
    return Math.copySign(r, x);
  }

  /**
   * The NaN an overflow of {@code x} gives in a format without infinities: it keeps the sign of
   * {@code x} where NaNs are signed (e4m3fn, as ml_dtypes), so that encoding the rounded value
   * gives the same code as encoding {@code x}.
   */
  private double overflowNaN(double x) {
    return nanWithSign(special == Special.FN && Double.doubleToRawLongBits(x) < 0);
  }

  /**
   * Rounds the exact value of a decimal or hexadecimal literal once to this format.
   *
   * @param exact the exact value, never null; a zero gives +0 (BigDecimal has no -0)
   * @return the correctly rounded value (never saturated)
   */
  public double roundExact(BigDecimal exact) {
    double d = exact.doubleValue();
    if (this == FLOAT64 || Double.isInfinite(d) || d == 0.0) {
      return round(d);
    }
    // The exact value lies between d's neighbouring doubles; if both round alike, so does it.
    double r = round(d);
    if (r == round(Math.nextDown(d)) && r == round(Math.nextUp(d))) {
      return r;
    }
    // Round to odd first: if the double is inexact, take the neighbour with an odd last bit. That
    // double lies strictly on the same side of every midpoint of this format as the exact value
    // (binary64 has at least two more bits than any narrower format here), so the one rounding
    // that follows is correct. Rounding to nearest first would land on a midpoint from either side.
    int cmp = exact.compareTo(new BigDecimal(d));
    if (cmp != 0 && (Double.doubleToRawLongBits(d) & 1) == 0) {
      d = cmp > 0 ? Math.nextUp(d) : Math.nextDown(d);
    }
    return round(d);
  }

  /**
   * Encodes without saturation; see {@link #encode(double, Saturation)}.
   *
   * @param x any double
   * @return the code, in {@code [0, 2^bits)} (for float64 the raw long bits)
   */
  public long encode(double x) {
    return encode(x, Saturation.NONE);
  }

  /**
   * Encodes a float32 value (exactly widened, so the rounding is still single).
   *
   * @param x any float
   * @return the code
   */
  public long encode(float x) {
    return encode((double) x, Saturation.NONE);
  }

  /**
   * Rounds once to this format and returns the code. NaN keeps its sign where the format has signed
   * NaNs (as ml_dtypes does); its payload becomes the format's quiet NaN.
   *
   * @param x any double
   * @param saturation the overflow policy, never null
   * @return the code, in {@code [0, 2^bits)} (for float64 the raw long bits)
   */
  public long encode(double x, Saturation saturation) {
    double r = round(x, saturation);
    boolean negative = (Double.doubleToRawLongBits(x) < 0);
    if (Double.isNaN(r)) {
      if (special == Special.FNUZ) {
        return canonicalNaN;
      }
      return canonicalNaN | (negative ? signMask : 0);
    }
    return codeOf(r);
  }

  /**
   * The code of a value already in this format; all NaNs give {@link #canonicalNaN()}. This is the
   * DSL's {@code bits} op: deterministic whatever NaN the hardware produced.
   *
   * @param v a value of this format (as returned by {@link #round(double)})
   * @return the code
   */
  public long bitsOf(double v) {
    if (Double.isNaN(v)) {
      return canonicalNaN;
    }
    return codeOf(v);
  }

  private long codeOf(double r) {
    switch (this) {
      case FLOAT64:
        return Double.doubleToRawLongBits(r);
      case FLOAT32:
        return Float.floatToRawIntBits((float) r) & 0xFFFF_FFFFL;
      default:
        break;
    }
    double a = Math.abs(r);
    // Without a negative zero, the sign bit alone is NaN: -0 must become the one zero.
    boolean negative = Double.doubleToRawLongBits(r) < 0 && (a != 0.0 || hasNegativeZero());
    long sign = negative ? signMask : 0;
    if (Double.isInfinite(a)) {
      return sign | (((1L << exponentBits) - 1) << mantissaBits);
    }
    if (a < minNormal) {
      return sign | (long) (a / minSubnormal);
    }
    int e = Math.getExponent(a);
    long mant = (long) Math.scalb(a, mantissaBits - e) - (1L << mantissaBits);
    return sign | ((long) (e + bias) << mantissaBits) | mant;
  }

  /**
   * Decodes a code.
   *
   * @param code a code; bits above {@link #bits()} are ignored
   * @return its value; for a NaN code a quiet NaN with the code's sign bit (positive in the fnuz
   *     formats, whose only NaN has no sign), so that {@link #encode(double)} gives the format's
   *     NaN of the same sign back
   */
  public double decode(long code) {
    return switch (this) {
      case FLOAT64 -> Double.longBitsToDouble(code);
      case FLOAT32 -> Float.intBitsToFloat((int) code);
      default -> decodeTable[(int) (code & codeMask())];
    };
  }

  private double decodeFields(long code) {
    boolean negative = (code & signMask) != 0;
    int expField = (int) ((code >>> mantissaBits) & ((1L << exponentBits) - 1));
    long mant = code & ((1L << mantissaBits) - 1);
    int maxExpField = (1 << exponentBits) - 1;
    switch (special) {
      case IEEE -> {
        if (expField == maxExpField) {
          return mant == 0
              ? (negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY)
              : nanWithSign(negative);
        }
      }
      case FN -> {
        if (expField == maxExpField && mant == (1L << mantissaBits) - 1) {
          return nanWithSign(negative);
        }
      }
      case FNUZ -> {
        if (code == signMask) {
          return Double.NaN;
        }
      }
    }
    double magnitude =
        expField == 0
            ? mant * minSubnormal
            : Math.scalb(1.0 + Math.scalb((double) mant, -mantissaBits), expField - bias);
    return negative ? -magnitude : magnitude;
  }

  /**
   * The quiet NaN with the given sign. Not {@code -Double.NaN}, which javac folds to the positive
   * NaN; not a static field, which the constants' constructors (building the decode table) would
   * read before it is initialized.
   */
  static double nanWithSign(boolean negative) {
    return negative ? Double.longBitsToDouble(0xfff8_0000_0000_0000L) : Double.NaN;
  }

  /** Whether a code is a NaN of this format. */
  public boolean isNaNCode(long code) {
    return Double.isNaN(decode(code));
  }

  /**
   * The code as users see it: lower-case hex, zero-padded to the format's width (e.g. {@code
   * "0x7e"}, {@code "0x3f800000"}).
   */
  public String hex(long code) {
    return String.format(Locale.ROOT, "0x%0" + (bits / 4) + "x", code & codeMask());
  }

  /**
   * Looks a format up by name: its {@link #formatName()} or a common alias ({@code f32}, {@code
   * fp16}, {@code bf16}, {@code e4m3}, ...), case-insensitively.
   *
   * @param name the name, never null
   * @return the format, or empty if the name is unknown
   */
  public static Optional<NumberFormat> byName(String name) {
    String n = name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
    return Optional.ofNullable(
        switch (n) {
          case "float64", "f64", "fp64", "double", "binary64" -> FLOAT64;
          case "float32", "f32", "fp32", "float", "binary32" -> FLOAT32;
          case "float16", "f16", "fp16", "half", "binary16" -> FLOAT16;
          case "bfloat16", "bf16" -> BFLOAT16;
          case "e4m3fn", "e4m3", "fp8e4m3", "fp8e4m3fn", "float8e4m3fn" -> E4M3FN;
          case "e5m2", "fp8e5m2", "float8e5m2" -> E5M2;
          case "e4m3fnuz", "float8e4m3fnuz" -> E4M3FNUZ;
          case "e5m2fnuz", "float8e5m2fnuz" -> E5M2FNUZ;
          default -> null;
        });
  }

  /** The names accepted by {@link #byName(String)} as canonical, for messages. */
  public static String names() {
    StringBuilder sb = new StringBuilder();
    for (NumberFormat f : values()) {
      if (!sb.isEmpty()) {
        sb.append(", ");
      }
      sb.append(f.formatName);
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return formatName;
  }
}
