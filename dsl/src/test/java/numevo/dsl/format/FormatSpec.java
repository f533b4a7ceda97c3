package numevo.dsl.format;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * The 8- and 16-bit formats restated from {@code shared/reference/formats.md} and IEEE 754,
 * independently of {@link NumberFormat}'s code: field widths, bias, which codes are Inf and NaN,
 * and the exact value of every finite code in BigDecimal arithmetic. Tests check NumberFormat
 * against this, so nothing here calls NumberFormat except to name the format it describes.
 *
 * @param format the format described
 * @param exponentBits width of the exponent field
 * @param mantissaBits width of the fraction field
 * @param bias exponent bias
 * @param specials how the format spends codes on Inf and NaN
 */
record FormatSpec(
    NumberFormat format, int exponentBits, int mantissaBits, int bias, Specials specials) {

  /** The special-value conventions in use. */
  enum Specials {
    /** All-ones exponent: Inf with zero fraction, NaN otherwise; signed zeros. */
    IEEE,
    /** No Inf; S.1111.111 is NaN; signed zeros (e4m3fn). */
    FN,
    /** No Inf; 0x80 (negative zero's code) is the only NaN; one zero. */
    FNUZ
  }

  static final FormatSpec FLOAT16 = new FormatSpec(NumberFormat.FLOAT16, 5, 10, 15, Specials.IEEE);
  static final FormatSpec BFLOAT16 =
      new FormatSpec(NumberFormat.BFLOAT16, 8, 7, 127, Specials.IEEE);
  static final FormatSpec E4M3FN = new FormatSpec(NumberFormat.E4M3FN, 4, 3, 7, Specials.FN);
  static final FormatSpec E5M2 = new FormatSpec(NumberFormat.E5M2, 5, 2, 15, Specials.IEEE);
  static final FormatSpec E4M3FNUZ = new FormatSpec(NumberFormat.E4M3FNUZ, 4, 3, 8, Specials.FNUZ);
  static final FormatSpec E5M2FNUZ = new FormatSpec(NumberFormat.E5M2FNUZ, 5, 2, 16, Specials.FNUZ);

  static final List<FormatSpec> FP8 = List.of(E4M3FN, E5M2, E4M3FNUZ, E5M2FNUZ);
  static final List<FormatSpec> NARROW =
      List.of(FLOAT16, BFLOAT16, E4M3FN, E5M2, E4M3FNUZ, E5M2FNUZ);

  /** Width of a code. */
  int bits() {
    return 1 + exponentBits + mantissaBits;
  }

  /** The sign bit of a code. */
  int signBit() {
    return 1 << (bits() - 1);
  }

  /** Number of codes. */
  int codeCount() {
    return 1 << bits();
  }

  private int allOnesExponent() {
    return (1 << exponentBits) - 1;
  }

  /** Whether {@code code} is a NaN. */
  boolean isNaN(int code) {
    int magnitude = code & (signBit() - 1);
    return switch (specials) {
      case IEEE ->
          (magnitude >> mantissaBits) == allOnesExponent()
              && (magnitude & ((1 << mantissaBits) - 1)) != 0;
      case FN -> magnitude == signBit() - 1;
      case FNUZ -> code == signBit();
    };
  }

  /** Whether {@code code} is an infinity. */
  boolean isInfinite(int code) {
    return specials == Specials.IEEE
        && (code & (signBit() - 1)) == allOnesExponent() << mantissaBits;
  }

  /** The largest finite magnitude's code (sign bit clear). */
  int maxFiniteCode() {
    return switch (specials) {
      case IEEE -> (allOnesExponent() << mantissaBits) - 1;
      case FN -> signBit() - 2;
      case FNUZ -> signBit() - 1;
    };
  }

  /** The code of +Inf; only for IEEE formats. */
  int infinityCode() {
    if (specials != Specials.IEEE) {
      throw new IllegalStateException(format + " has no infinity");
    }
    return allOnesExponent() << mantissaBits;
  }

  /**
   * The NaN the conversions produce with the given sign: the quiet NaN (top fraction bit) in IEEE
   * formats, S.1111.111 in e4m3fn, the unsigned 0x80 in the fnuz formats.
   */
  int nanCode(boolean negative) {
    int sign = negative ? signBit() : 0;
    return switch (specials) {
      case IEEE -> sign | infinityCode() | (1 << (mantissaBits - 1));
      case FN -> sign | (signBit() - 1);
      case FNUZ -> signBit();
    };
  }

  /**
   * The exact magnitude of a code's field pattern read as a finite number, ignoring Inf and NaN:
   * {@code 0.fraction * 2^(1-bias)} for a zero exponent field, else {@code 1.fraction *
   * 2^(e-bias)}. The pattern may run past the exponent field's width (the code one above the
   * largest finite one), which gives the value the format would have next if its exponent range did
   * not end: the overflow rule rounds as if it were there.
   */
  BigDecimal magnitudeOfPattern(int pattern) {
    int e = pattern >> mantissaBits;
    int fraction = pattern & ((1 << mantissaBits) - 1);
    BigInteger significand = BigInteger.valueOf(e == 0 ? fraction : (1 << mantissaBits) | fraction);
    int scale = Math.max(e, 1) - bias - mantissaBits;
    return Exact.timesPowerOfTwo(new BigDecimal(significand), scale);
  }

  /** The exact value of a finite code, zero for both zeros. */
  BigDecimal value(int code) {
    if (isNaN(code) || isInfinite(code)) {
      throw new IllegalArgumentException(format + " code " + code + " is not finite");
    }
    BigDecimal m = magnitudeOfPattern(code & (signBit() - 1));
    return (code & signBit()) != 0 ? m.negate() : m;
  }

  /** Whether a finite code is negative zero. */
  boolean isNegativeZero(int code) {
    return code == signBit() && specials != Specials.FNUZ;
  }
}
