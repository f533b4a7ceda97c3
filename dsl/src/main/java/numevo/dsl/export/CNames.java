package numevo.dsl.export;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The identifiers exported C must not give to kernel values or functions: keywords, names the
 * included headers declare or define, names C reserves, and the helpers' {@code nv_} prefix.
 */
final class CNames {
  private CNames() {}

  private static final Set<String> RESERVED = new HashSet<>();

  /** Macro families of float.h, stdint.h and math.h; {@code _t} names; reserved identifiers. */
  private static final Pattern RESERVED_PATTERN =
      Pattern.compile(
          "(?:INT|UINT|FLT_|DBL_|LDBL_|FP_|MATH_|M_|PTRDIFF_|SIZE_|SIG_ATOMIC_|WCHAR_|WINT_)"
              + "[A-Za-z0-9_]*|.*_t|__.*|_[A-Z].*|nv_.*");

  static {
    String keywords =
        "auto break case char const continue default do double else enum extern float for goto"
            + " if inline int long register restrict return short signed sizeof static struct"
            + " switch typedef union unsigned void volatile while _Bool _Complex _Imaginary"
            + " alignas alignof bool constexpr false nullptr static_assert thread_local true"
            + " typeof typeof_unqual asm";
    // The C99 math.h functions (each also with an f and an l suffix) and macros: a local of
    // one of these names would hide the function from the calls that follow it.
    String math =
        "acos asin atan atan2 cos sin tan acosh asinh atanh cosh sinh tanh exp exp2 expm1 frexp"
            + " ilogb ldexp log log10 log1p log2 logb modf scalbn scalbln cbrt fabs hypot pow sqrt"
            + " erf erfc lgamma tgamma ceil floor nearbyint rint lrint llrint round lround llround"
            + " trunc fmod remainder remquo copysign nan nextafter nexttoward fdim fmax fmin fma";
    String macros =
        "fpclassify isfinite isinf isnan isnormal signbit isgreater isgreaterequal isless"
            + " islessequal islessgreater isunordered math_errhandling errno NAN INFINITY HUGE_VAL"
            + " HUGE_VALF HUGE_VALL NULL DECIMAL_DIG EDOM ERANGE EILSEQ";
    // Common library functions: a kernel function of such a name would clash at link time.
    String library =
        "main abs labs llabs div ldiv exit abort malloc calloc realloc free printf fprintf"
            + " sprintf snprintf puts putchar getchar scanf sscanf fscanf memcpy memmove memset"
            + " memcmp strlen strcmp strcpy strncpy strcat qsort bsearch rand srand atoi atol atof"
            + " strtod strtol time clock status";
    for (String s : (keywords + " " + macros + " " + library).split(" ")) {
      RESERVED.add(s);
    }
    for (String s : math.split(" ")) {
      RESERVED.add(s);
      RESERVED.add(s + "f");
      RESERVED.add(s + "l");
    }
  }

  /** Whether a kernel value or function may not be called {@code s} in exported C. */
  static boolean isReserved(String s) {
    return RESERVED.contains(s) || RESERVED_PATTERN.matcher(s).matches();
  }

  /** Whether {@code s} can name an exported C function. */
  static boolean isUsableFunctionName(String s) {
    return s.matches("[A-Za-z_][A-Za-z0-9_]*") && !isReserved(s);
  }
}
