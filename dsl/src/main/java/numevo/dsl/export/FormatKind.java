package numevo.dsl.export;

import numevo.dsl.format.NumberFormat;

/** How exported code carries and computes the values of a format. */
enum FormatKind {
  /** float64: {@code double}, the language's own arithmetic. */
  DOUBLE,
  /** float32: {@code float}, the language's own arithmetic. */
  FLOAT,
  /**
   * float16, bfloat16 and FP8: {@code float} (which holds every value of these formats exactly),
   * each op computed in binary64 and rounded once to the format by a helper.
   */
  NARROW;

  static FormatKind of(NumberFormat f) {
    return switch (f) {
      case FLOAT64 -> DOUBLE;
      case FLOAT32 -> FLOAT;
      default -> NARROW;
    };
  }

  /** How a narrow format spends its top codes; mirrors the format's special values. */
  enum Specials {
    /** Infinities and NaNs as in IEEE 754 (float16, bfloat16, e5m2). */
    IEEE,
    /** No infinities; the all-ones code of each sign is NaN (e4m3fn). */
    FN,
    /** No infinities, no negative zero; its code is the only NaN (e4m3fnuz, e5m2fnuz). */
    FNUZ;

    static Specials of(NumberFormat f) {
      if (f.hasInfinity()) {
        return IEEE;
      }
      return f.hasNegativeZero() ? FN : FNUZ;
    }
  }
}
