package numevo.dsl.export;

import java.util.Objects;
import javax.lang.model.SourceVersion;
import numevo.dsl.program.Program;

/**
 * Exports a kernel as a readable, self-contained Java source file: one public final class with a
 * {@code public static apply} method that computes the kernel, bit for bit as numevo's {@link
 * numevo.dsl.eval.Interpreter} does (every NaN counting as one value). The file compiles alone with
 * Java 17 or later; it needs no numevo library.
 *
 * <p>Conventions of the exported code:
 *
 * <ul>
 *   <li>Types: {@code f} is {@code double} in float64 kernels and {@code float} in all others (a
 *       float holds every float16, bfloat16 and FP8 value exactly); {@code i32} is {@code int};
 *       {@code int} is {@link java.math.BigInteger}.
 *   <li>Parameters are the kernel's inputs in order, named after them. In the narrow formats
 *       (float16, bfloat16, FP8) {@code f} arguments are first rounded to the format, as the
 *       interpreter does; the results are values of the format.
 *   <li>One output is returned as such; several are returned as a nested {@code record Result}
 *       (named {@code Outputs} in a class called {@code Result}) whose components are named after
 *       the outputs.
 *   <li>Where the interpreter calls an evaluation invalid ({@code int} division by zero or an
 *       inexact one, an {@code int} beyond {@link numevo.dsl.eval.IntLimits#MAX_BITS} bits), {@code
 *       apply} throws an {@link ArithmeticException} with the interpreter's message.
 *   <li>Kernel values become locals named after them: a dot becomes an underscore, and a suffix
 *       ({@code _}, {@code _2}...) avoids keywords and clashes. Each line ends with the instruction
 *       as a comment. Instructions no output depends on are left out, except those that can make
 *       the evaluation invalid.
 *   <li>The narrow formats' rounding, codes and fma are private static helpers of the class,
 *       written only when the kernel needs them.
 * </ul>
 *
 * <p>A method holds at most 64 KiB of bytecode: kernels of a few thousand instructions export but
 * do not compile.
 */
public final class JavaExporter {
  private JavaExporter() {}

  /**
   * Exports under the class name derived from the kernel's name.
   *
   * @param program the kernel, never null
   * @return the source of one compilation unit
   * @see #className(Program)
   */
  public static String export(Program program) {
    return export(program, className(program));
  }

  /**
   * Exports under a given class name.
   *
   * @param program the kernel, never null
   * @param className a simple or qualified class name; a qualified one gives the package
   * @return the source of one compilation unit
   * @throws IllegalArgumentException if {@code className} is not a valid class name, or its simple
   *     name is one of the {@code java.lang} classes the code uses ({@code Math}, {@code Float}...)
   */
  public static String export(Program program, String className) {
    Objects.requireNonNull(program, "program");
    Objects.requireNonNull(className, "className");
    int dot = className.lastIndexOf('.');
    String simple = className.substring(dot + 1);
    if (!SourceVersion.isName(className) || !JavaNames.isUsableClassName(simple)) {
      throw new IllegalArgumentException("not a usable Java class name: '" + className + "'");
    }
    String pkg = dot < 0 ? "" : className.substring(0, dot);
    return new JavaEmitter(program).source(pkg, simple);
  }

  /**
   * The class name derived from the kernel's name: its parts between dots and underscores, each
   * capitalized ({@code exp2_horner6} gives {@code Exp2Horner6}), with {@code Kernel} in front if
   * that does not start with a letter and behind if it would hide a {@code java.lang} class.
   *
   * @param program the kernel, never null
   */
  public static String className(Program program) {
    return JavaNames.className(program.name());
  }
}
