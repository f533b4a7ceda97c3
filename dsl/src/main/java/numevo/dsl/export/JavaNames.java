package numevo.dsl.export;

import java.util.Set;
import javax.lang.model.SourceVersion;

/** The identifiers exported Java code must not give to kernel values. */
final class JavaNames {
  private JavaNames() {}

  /**
   * Restricted identifiers (legal as some names, not others), the classes the method body names (a
   * local variable would obscure them) and the methods of Object (record components must avoid
   * them).
   */
  private static final Set<String> RESERVED =
      Set.of(
          "var",
          "yield",
          "record",
          "sealed",
          "permits",
          "when",
          "Math",
          "StrictMath",
          "Float",
          "Double",
          "Integer",
          "BigInteger",
          "ArithmeticException",
          "Result",
          "Outputs",
          "clone",
          "finalize",
          "getClass",
          "hashCode",
          "notify",
          "notifyAll",
          "toString",
          "wait",
          "equals");

  /** Whether a kernel value may not be called {@code s} in exported Java. */
  static boolean isReserved(String s) {
    return SourceVersion.isKeyword(s) || RESERVED.contains(s) || s.matches("LITERAL_[0-9]+");
  }

  /** Classes the exported code uses by simple name: the kernel's class must not hide them. */
  private static final Set<String> USED_CLASSES =
      Set.of(
          "Math",
          "StrictMath",
          "Float",
          "Double",
          "Integer",
          "BigInteger",
          "ArithmeticException",
          "Object",
          "String");

  /** Whether {@code s} can name the exported class (a simple name). */
  static boolean isUsableClassName(String s) {
    return SourceVersion.isIdentifier(s)
        && !SourceVersion.isKeyword(s)
        && !USED_CLASSES.contains(s)
        && !Set.of("var", "yield", "record", "sealed", "permits").contains(s);
  }

  /**
   * The class name derived from a kernel name: its parts between dots and underscores, each
   * capitalized ({@code exp2_horner6} gives {@code Exp2Horner6}); {@code Kernel} in front when that
   * would not start with a letter.
   */
  static String className(String kernelName) {
    StringBuilder sb = new StringBuilder();
    for (String part : kernelName.split("[._]+")) {
      if (!part.isEmpty()) {
        sb.append(Character.toUpperCase(part.charAt(0))).append(part, 1, part.length());
      }
    }
    if (sb.isEmpty() || !Character.isLetter(sb.charAt(0))) {
      sb.insert(0, "Kernel");
    }
    if (!isUsableClassName(sb.toString())) {
      sb.append("Kernel");
    }
    return sb.toString();
  }
}
