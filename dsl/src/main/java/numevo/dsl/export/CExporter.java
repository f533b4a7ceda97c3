package numevo.dsl.export;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Instr;
import numevo.dsl.program.Program;

/**
 * Exports kernels as a self-contained C99 translation unit: one function per kernel, computing it
 * bit for bit as numevo's {@link numevo.dsl.eval.Interpreter} does (every NaN counting as one
 * value), with the helpers it needs as {@code static inline} functions. It includes only {@code
 * <float.h>}, {@code <math.h>}, {@code <stdint.h>} and {@code <string.h>}; link with the math
 * library ({@code -lm}).
 *
 * <p>What the code assumes, and checks where C allows: IEEE 754 binary32 and binary64 arithmetic in
 * the default rounding mode (C99 Annex F); {@code FLT_EVAL_METHOD == 0}, that is no excess
 * precision (SSE2 on x86-64, AArch64; an {@code #error} otherwise); no contraction of {@code a*b+c}
 * into an fma (compile with {@code -ffp-contract=off}; pragmas ask GCC and Clang for it too) and no
 * {@code -ffast-math} (an {@code #error}).
 *
 * <p>Conventions of the exported code:
 *
 * <ul>
 *   <li>Types: {@code f} is {@code double} in float64 kernels and {@code float} in all others (a
 *       float holds every float16, bfloat16 and FP8 value exactly); {@code i32} is {@code int32_t}
 *       at the interface and {@code uint32_t} inside, where wrapping is defined; {@code int} is
 *       {@code int64_t}.
 *   <li>Java's semantics where C's differ or are undefined, through helpers: min and max (NaN if
 *       either operand is, -0 below +0), {@code toi} and {@code trunc} (saturating, NaN giving 0),
 *       shifts (count masked to 5 bits, {@code shr} arithmetic), i32 overflow (wraps). Bit casts go
 *       through {@code memcpy}. In the narrow formats each op computes in binary64 and rounds once
 *       to the format; fma rounds the binary64 sum to odd first. {@code f} arguments are first
 *       rounded to the format, as the interpreter does.
 *   <li>Signatures: parameters are the kernel's inputs in order, named after them. A kernel that
 *       uses {@code int} (an input, an output, an instruction's operand or result) returns an
 *       {@code int} status and writes its outputs through pointer parameters {@code out_NAME} after
 *       the inputs: 0, or without writing them 1 (int division by zero) and 2 (inexact int
 *       division), where numevo calls the evaluation invalid, or 3 when an {@code int} value leaves
 *       {@code int64_t}, where numevo would go on exactly. Otherwise one output is returned and
 *       several are written through {@code out_NAME} pointers ({@code void} function).
 *   <li>{@code int} literals beyond {@code int64_t} cannot be exported: {@link ExportException}.
 *   <li>The float64-only {@code exp}, {@code log}, {@code sin}, {@code cos}, {@code tanh} and
 *       {@code pow} call the C library, which may differ from numevo's (StrictMath, fdlibm) in the
 *       last place: the one exception to bit-for-bit agreement.
 *   <li>Names as in {@link JavaExporter}: kernel values become locals of their names, sanitized and
 *       unique; each line ends with the instruction as a comment; instructions no output depends on
 *       are left out, except int arithmetic, which can make the evaluation invalid.
 * </ul>
 */
public final class CExporter {
  private CExporter() {}

  /**
   * Exports one kernel as a function named after it.
   *
   * @param program the kernel, never null
   * @return the translation unit
   * @throws ExportException if the kernel cannot be exported to C
   * @see #functionName(Program)
   */
  public static String export(Program program) {
    return export(program, functionName(program));
  }

  /**
   * Exports one kernel as a function of the given name.
   *
   * @param program the kernel, never null
   * @param functionName a C identifier that is not reserved (not a keyword, not a math.h name, not
   *     beginning with {@code nv_}...)
   * @return the translation unit
   * @throws IllegalArgumentException if {@code functionName} is not usable
   * @throws ExportException if the kernel cannot be exported to C
   */
  public static String export(Program program, String functionName) {
    Objects.requireNonNull(program, "program");
    if (!CNames.isUsableFunctionName(functionName)) {
      throw new IllegalArgumentException("not a usable C function name: '" + functionName + "'");
    }
    return unit(List.of(program), List.of(functionName));
  }

  /**
   * Exports several kernels into one translation unit, each helper written once. Functions are
   * named after their kernels; a name taken by an earlier kernel gets a suffix ({@code _2}...).
   *
   * @param programs the kernels, at least one
   * @return the translation unit
   * @throws ExportException if a kernel cannot be exported to C
   */
  public static String export(List<Program> programs) {
    if (programs.isEmpty()) {
      throw new IllegalArgumentException("no kernels to export");
    }
    Names functions = new Names(CNames::isReserved);
    List<String> names = new ArrayList<>();
    for (Program p : programs) {
      names.add(functions.fresh(functionName(p)));
    }
    return unit(programs, names);
  }

  /**
   * The function name derived from the kernel's name: the name itself, a dot becoming an
   * underscore, with a suffix {@code _} if it is reserved ({@code exp} gives {@code exp_}).
   *
   * @param program the kernel, never null
   */
  public static String functionName(Program program) {
    return new Names(CNames::isReserved).fresh(program.name());
  }

  private static String unit(List<Program> programs, List<String> functionNames) {
    CHelpers helpers = new CHelpers();
    StringBuilder functions = new StringBuilder();
    for (int i = 0; i < programs.size(); i++) {
      functions.append('\n');
      functions.append(new CEmitter(programs.get(i), functionNames.get(i), helpers).function());
    }
    StringBuilder sb = new StringBuilder();
    header(sb, programs);
    sb.append(
        """
        #include <float.h>
        #include <math.h>
        #include <stdint.h>
        #include <string.h>

        #if !defined(FLT_EVAL_METHOD) || FLT_EVAL_METHOD != 0
        #error "numevo kernels need FLT_EVAL_METHOD == 0: float and double ops without excess precision"
        #endif
        #ifdef __FAST_MATH__
        #error "numevo kernels need IEEE semantics: compile without -ffast-math"
        #endif
        /* Contracting a*b+c into an fma would round once where the kernel rounds twice. */
        #if defined(__clang__)
        #pragma STDC FP_CONTRACT OFF
        #elif defined(__GNUC__)
        #pragma GCC optimize("fp-contract=off")
        #endif
        """);
    if (!helpers.isEmpty()) {
      sb.append('\n');
      helpers.emit(sb);
    }
    sb.append(functions);
    return sb.toString();
  }

  private static void header(StringBuilder sb, List<Program> programs) {
    Set<NumberFormat> formats = EnumSet.noneOf(NumberFormat.class);
    boolean libm = false;
    for (Program p : programs) {
      formats.add(p.format());
      for (Instr ins : p.body()) {
        libm |= ins.op().float64Only();
      }
    }
    sb.append("/*\n");
    if (programs.size() == 1) {
      Program p = programs.get(0);
      sb.append(" * Kernel ").append(p.name()).append(" (").append(p.format()).append(")");
    } else {
      sb.append(" * ").append(programs.size()).append(" kernels");
    }
    sb.append(", exported by numevo (numevo export --lang c).\n")
        .append(
            " * Self-contained C99; for example: cc -std=c99 -O2 -ffp-contract=off -c F.c"
                + " (link with -lm).\n *\n")
        .append(
            " * Computes what numevo's reference interpreter computes, bit for bit (every NaN\n")
        .append(" * counts as one value), given IEEE 754 binary32 and binary64 arithmetic in the\n")
        .append(" * default rounding mode (C99 Annex F), FLT_EVAL_METHOD == 0 (no excess\n")
        .append(
            " * precision, as with SSE2 on x86-64 or on AArch64), no contraction of a*b+c into\n")
        .append(" * an fma and no -ffast-math. i32 values are uint32_t inside (wrapping is\n")
        .append(" * defined there); Java's min, max, int conversion and shift semantics are\n")
        .append(" * spelled out in the nv_ helpers.\n");
    for (NumberFormat f : formats) {
      if (FormatKind.of(f) == FormatKind.NARROW) {
        sb.append(" * ")
            .append(f.formatName())
            .append(" values travel as floats, which hold them exactly; each op computes in\n")
            .append(" * binary64 and rounds once to ")
            .append(f.formatName())
            .append(", which gives the correctly rounded result.\n");
      }
    }
    if (libm) {
      sb.append(" * Not bit for bit: exp, log, sin, cos, tanh and pow are the C library's, which\n")
          .append(" * may differ from numevo's (StrictMath) in the last place.\n");
    }
    sb.append(" */\n");
  }
}
