package numevo.dsl.export;

import java.util.Comparator;
import java.util.Set;
import java.util.TreeSet;
import numevo.dsl.export.FormatKind.Specials;
import numevo.dsl.format.NumberFormat;

/**
 * The static inline helpers exported C carries: Java's semantics where C's differ or are undefined
 * (min and max, conversions to int, shifts, signed overflow), bit casts, checked {@code int64_t}
 * arithmetic, and per narrow format its rounding, codes and fma. All are named {@code nv_...}; a
 * unit writes each once, before the functions.
 */
final class CHelpers {

  /** The helpers, in the order they are written (each after those it calls). */
  enum Helper {
    S32,
    MUL32,
    SHR32,
    LT32,
    LE32,
    D2I,
    MIN,
    MAX,
    MINF,
    MAXF,
    F32_BITS,
    F32_FROMBITS,
    FMA_ODD,
    POW,
    ADD64,
    SUB64,
    MUL64,
    NEG64,
    DIV64,
    /** Per narrow format: to the format, ties to even. */
    ROUND,
    /** Per narrow format: the value of a code. */
    DECODE,
    /** Per narrow format: the code of a value. */
    BITS,
    /** Per narrow format: fma rounded once. */
    FMA;

    boolean perFormat() {
      return ordinal() >= ROUND.ordinal();
    }
  }

  /** A helper, for one format if it is per format (else the format is null). */
  private record Use(Helper helper, NumberFormat format) {}

  private final Set<Use> uses =
      new TreeSet<>(
          Comparator.comparing((Use u) -> u.helper())
              .thenComparing(u -> u.format() == null ? -1 : u.format().ordinal()));

  /**
   * Notes that the code calls a helper, and returns its name.
   *
   * @param format the kernel's format; used only by per-format helpers
   */
  String use(Helper h, NumberFormat format) {
    NumberFormat f = h.perFormat() ? format : null;
    uses.add(new Use(h, f));
    if (h == Helper.FMA) {
      use(Helper.ROUND, format);
      use(Helper.FMA_ODD, format);
    }
    return name(h, f);
  }

  /** Whether any helper is used. */
  boolean isEmpty() {
    return uses.isEmpty();
  }

  /** Appends every helper used, separated by blank lines. */
  void emit(StringBuilder out) {
    String separator = "";
    for (Use u : uses) {
      out.append(separator).append(text(u.helper(), u.format()));
      separator = "\n";
    }
  }

  private static String name(Helper h, NumberFormat f) {
    String base = h.name().toLowerCase(java.util.Locale.ROOT);
    return f == null ? "nv_" + base : "nv_" + f.formatName() + "_" + base;
  }

  /** A double constant, exactly, as a C hex literal. */
  private static String hex(double v) {
    return Double.toHexString(v);
  }

  private static String text(Helper h, NumberFormat f) {
    return switch (h) {
      case S32 ->
          """
          /* The int32_t whose two's complement is u (a portable cast). */
          static inline int32_t nv_s32(uint32_t u) {
            return u <= 0x7fffffffu ? (int32_t) u : (int32_t) (u - 0x80000000u) - 0x7fffffff - 1;
          }
          """;
      case MUL32 ->
          """
          /* a * b modulo 2^32 (unsigned long keeps it unsigned even where int is wider). */
          static inline uint32_t nv_mul32(uint32_t a, uint32_t b) {
            return (uint32_t) ((unsigned long) a * b);
          }
          """;
      case SHR32 ->
          """
          /* Java's a >> b: the count masked to 5 bits, the sign bit shifted in. */
          static inline uint32_t nv_shr32(uint32_t a, uint32_t b) {
            uint32_t s = b & 31u;
            uint32_t r = a >> s;
            if ((a & 0x80000000u) != 0u && s != 0u) {
              r |= ~(0xffffffffu >> s);
            }
            return r;
          }
          """;
      case LT32 ->
          """
          /* a < b as int32: flipping the sign bits orders two's complement as unsigned. */
          static inline uint32_t nv_lt32(uint32_t a, uint32_t b) {
            return (a ^ 0x80000000u) < (b ^ 0x80000000u);
          }
          """;
      case LE32 ->
          """
          /* a <= b as int32. */
          static inline uint32_t nv_le32(uint32_t a, uint32_t b) {
            return (a ^ 0x80000000u) <= (b ^ 0x80000000u);
          }
          """;
      case D2I ->
          """
          /*
           * Java's (int) x, as two's complement: truncates; NaN gives 0 and values beyond the
           * int32 range saturate (where a C cast is undefined).
           */
          static inline uint32_t nv_d2i(double x) {
            if (isnan(x)) {
              return 0u;
            }
            if (x >= 2147483647.0) {
              return 0x7fffffffu;
            }
            if (x <= -2147483648.0) {
              return 0x80000000u;
            }
            return (uint32_t) (int32_t) x;
          }
          """;
      case MIN -> minMax("double", "nv_min", true, "");
      case MAX -> minMax("double", "nv_max", false, "");
      case MINF -> minMax("float", "nv_minf", true, "f");
      case MAXF -> minMax("float", "nv_maxf", false, "f");
      case F32_BITS ->
          """
          /* The binary32 code of v; every NaN gives the canonical NaN 0x7fc00000. */
          static inline uint32_t nv_f32_bits(float v) {
            uint32_t u;
            if (isnan(v)) {
              return 0x7fc00000u;
            }
            memcpy(&u, &v, sizeof u);
            return u;
          }
          """;
      case F32_FROMBITS ->
          """
          /* The binary32 value of code u. */
          static inline float nv_f32_frombits(uint32_t u) {
            float v;
            memcpy(&v, &u, sizeof v);
            return v;
          }
          """;
      case FMA_ODD ->
          """
          /*
           * a*b+c for operands of at most 24 significant bits (the product is exact in binary64),
           * rounded to odd: when the sum is inexact, the neighbour with an odd last bit. Rounding
           * that once more to a format of at most 51 bits gives the correctly rounded fma.
           */
          static inline double nv_fma_odd(double a, double b, double c) {
            double p = a * b;
            double s = p + c;
            double bb, err;
            uint64_t u;
            if (!isfinite(s)) {
              return s;
            }
            /* TwoSum: err is the exact rounding error of p + c. */
            bb = s - p;
            err = (p - (s - bb)) + (c - bb);
            memcpy(&u, &s, sizeof u);
            if (err != 0.0 && (u & 1u) == 0u) {
              s = nextafter(s, err > 0.0 ? INFINITY : -INFINITY);
            }
            return s;
          }
          """;
      case POW ->
          """
          /*
           * Java's Math.pow special cases over the C library's pow: a NaN exponent gives NaN, and
           * so does |x| == 1 with an infinite exponent (C99 gives 1 for pow(1, y) and pow(-1, inf)).
           */
          static inline double nv_pow(double x, double y) {
            if (isnan(y) || (fabs(x) == 1.0 && isinf(y))) {
              return NAN;
            }
            return pow(x, y);
          }
          """;
      case ADD64 ->
          """
          /* Status 0 and *r = a + b, or 3: the sum is beyond int64_t. */
          static inline int nv_add64(int64_t a, int64_t b, int64_t *r) {
            if ((b > 0 && a > INT64_MAX - b) || (b < 0 && a < INT64_MIN - b)) {
              return 3;
            }
            *r = a + b;
            return 0;
          }
          """;
      case SUB64 ->
          """
          /* Status 0 and *r = a - b, or 3: the difference is beyond int64_t. */
          static inline int nv_sub64(int64_t a, int64_t b, int64_t *r) {
            if ((b < 0 && a > INT64_MAX + b) || (b > 0 && a < INT64_MIN + b)) {
              return 3;
            }
            *r = a - b;
            return 0;
          }
          """;
      case MUL64 ->
          """
          /* Status 0 and *r = a * b, or 3: the product is beyond int64_t. */
          static inline int nv_mul64(int64_t a, int64_t b, int64_t *r) {
            if (a > 0 ? (b > 0 ? a > INT64_MAX / b : b < INT64_MIN / a)
                      : (b > 0 ? a < INT64_MIN / b : a != 0 && b < INT64_MAX / a)) {
              return 3;
            }
            *r = a * b;
            return 0;
          }
          """;
      case NEG64 ->
          """
          /* Status 0 and *r = -a, or 3: -a is beyond int64_t. */
          static inline int nv_neg64(int64_t a, int64_t *r) {
            if (a == INT64_MIN) {
              return 3;
            }
            *r = -a;
            return 0;
          }
          """;
      case DIV64 ->
          """
          /*
           * Status 0 and *r = a / b, which must be exact; 1: division by zero; 2: inexact
           * division; 3: the quotient is beyond int64_t.
           */
          static inline int nv_div64(int64_t a, int64_t b, int64_t *r) {
            if (b == 0) {
              return 1;
            }
            if (b == -1) { /* INT64_MIN % -1 is undefined */
              return nv_neg64(a, r);
            }
            if (a % b != 0) {
              return 2;
            }
            *r = a / b;
            return 0;
          }
          """;
      case ROUND -> round(f);
      case DECODE -> decode(f);
      case BITS -> bits(f);
      case FMA ->
          """
          /* a*b+c rounded once to %1$s. */
          static inline float nv_%1$s_fma(float a, float b, float c) {
            return nv_%1$s_round(nv_fma_odd(a, b, c));
          }
          """
              .formatted(f.formatName());
    };
  }

  private static String minMax(String type, String name, boolean min, String suffix) {
    return """
        /* Java's Math.%1$s: NaN if either operand is NaN, and -0 below +0 (C's f%1$s does neither). */
        static inline %2$s %3$s(%2$s a, %2$s b) {
          if (isnan(a) || isnan(b)) {
            return NAN;
          }
          if (a == 0.0%4$s && b == 0.0%4$s) {
            return signbit(a) ? %5$s;
          }
          return a %6$s b ? a : b;
        }
        """
        .formatted(
            min ? "min" : "max", type, name, suffix, min ? "a : b" : "b : a", min ? "<" : ">");
  }

  /** Constants of a narrow format, as C text. */
  private record Fields(
      String name,
      int mantissaBits,
      int bias,
      int minExponent,
      String mantissaMask,
      String exponentMask,
      String signBit,
      String codeMask,
      String canonicalNaN,
      String hiddenBit,
      String maxFinite,
      Specials specials) {
    static Fields of(NumberFormat f) {
      return new Fields(
          f.formatName(),
          f.mantissaBits(),
          f.bias(),
          f.minExponent(),
          "0x" + Integer.toHexString((1 << f.mantissaBits()) - 1) + "u",
          "0x" + Integer.toHexString((1 << f.exponentBits()) - 1) + "u",
          "0x" + Integer.toHexString(1 << (f.bits() - 1)) + "u",
          "0x" + Long.toHexString(f.codeMask()) + "u",
          "0x" + Long.toHexString(f.canonicalNaN()) + "u",
          "0x" + Integer.toHexString(1 << f.mantissaBits()) + "u",
          hex(f.maxFinite()),
          Specials.of(f));
    }
  }

  private static String round(NumberFormat f) {
    Fields c = Fields.of(f);
    return """
        /*
         * x rounded to the nearest %1$s value, ties to even (a float holds it exactly).
         * %1$s: %2$d mantissa bits, smallest normal exponent %3$d, largest finite %4$s;
         * %5$s.
         */
        static inline float nv_%1$s_round(double x) {
          double a = fabs(x), r;
          int e;
          if (isnan(x)) {
            return NAN;
          }
          if (a == 0.0) {
            return %6$s
          }
          if (isinf(a)) {
            return %7$s
          }
          (void) frexp(a, &e); /* a = m * 2^e, 0.5 <= m < 1 */
          e = e - 1 < %3$d ? %3$d : e - 1;
          /* Scaling by a power of two is exact; nearbyint rounds half to even. */
          r = ldexp(nearbyint(ldexp(a, %2$d - e)), e - %2$d);
          if (r > %4$s) {
            return %8$s;
          }
        %9$s  return (float) copysign(r, x);
        }
        """
        .formatted(
            c.name(),
            c.mantissaBits(),
            c.minExponent(),
            c.maxFinite(),
            JavaHelpers.describe(c.specials()),
            c.specials() == Specials.FNUZ ? "0.0f; /* no negative zero */" : "(float) x;",
            c.specials() == Specials.IEEE ? "(float) x;" : "NAN; /* no infinities */",
            c.specials() == Specials.IEEE ? "x > 0.0 ? INFINITY : -INFINITY" : "NAN",
            c.specials() == Specials.FNUZ
                ? "  if (r == 0.0) {\n    return 0.0f; /* no negative zero */\n  }\n"
                : "");
  }

  private static String decode(NumberFormat f) {
    Fields c = Fields.of(f);
    String special =
        switch (c.specials()) {
          case IEEE ->
              "exponent == %s) {\n    return mantissa != 0u ? NAN : (c & %s) != 0u ? -INFINITY : INFINITY;"
                  .formatted(c.exponentMask(), c.signBit());
          case FN ->
              "exponent == %s && mantissa == %s) {\n    return NAN;"
                  .formatted(c.exponentMask(), c.mantissaMask());
          case FNUZ -> "c == %s) {\n    return NAN;".formatted(c.signBit());
        };
    return """
        /* The %1$s value of the low bits of code. */
        static inline float nv_%1$s_decode(uint32_t code) {
          uint32_t c = code & %2$s;
          uint32_t exponent = (c >> %3$d) & %4$s;
          uint32_t mantissa = c & %5$s;
          double magnitude;
          if (%6$s
          }
          magnitude = ldexp((double) (exponent == 0u ? mantissa : mantissa | %7$s),
                            (exponent == 0u ? 1 : (int) exponent) - %8$d - %3$d);
          return (float) ((c & %9$s) != 0u ? -magnitude : magnitude);
        }
        """
        .formatted(
            c.name(),
            c.codeMask(),
            c.mantissaBits(),
            c.exponentMask(),
            c.mantissaMask(),
            special,
            c.hiddenBit(),
            c.bias(),
            c.signBit());
  }

  private static String bits(NumberFormat f) {
    Fields c = Fields.of(f);
    return """
        /* The %1$s code of v, a value of the format; every NaN gives the canonical NaN. */
        static inline uint32_t nv_%1$s_bits(float v) {
          double a = fabs((double) v);
          uint32_t sign = signbit(v)%2$s ? %3$s : 0u;
          uint32_t significand;
          int e;
          if (isnan(v)) {
            return %4$s;
          }
        %5$s  (void) frexp(a, &e);
          e = e - 1 < %6$d ? %6$d : e - 1;
          significand = (uint32_t) ldexp(a, %7$d - e); /* exact */
          return sign | (significand <= %8$s ? 0u : (uint32_t) (e + %9$d) << %7$d)
                 | (significand & %8$s);
        }
        """
        .formatted(
            c.name(),
            c.specials() == Specials.FNUZ ? " && v != 0.0f" : "",
            c.signBit(),
            c.canonicalNaN(),
            c.specials() == Specials.IEEE
                ? "  if (isinf(v)) {\n    return sign | (%s << %d);\n  }\n"
                    .formatted(c.exponentMask(), c.mantissaBits())
                : "",
            c.minExponent(),
            c.mantissaBits(),
            c.mantissaMask(),
            c.bias());
  }
}
