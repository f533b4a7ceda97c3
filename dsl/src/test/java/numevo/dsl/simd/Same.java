package numevo.dsl.simd;

import java.util.Arrays;
import numevo.dsl.program.Program;
import numevo.dsl.text.Printer;

/**
 * Bit-for-bit comparison of a SIMD result with the interpreter's: f values by their float32 codes
 * with every NaN alike (no DSL op observes a NaN's payload: {@code bits} canonicalizes it), i32
 * exactly.
 */
final class Same {
  private Same() {}

  static boolean f(double expected, float actual) {
    if (Double.isNaN(expected)) {
      return Float.isNaN(actual);
    }
    return Float.floatToRawIntBits((float) expected) == Float.floatToRawIntBits(actual)
        && (double) (float) expected == expected;
  }

  static void fail(
      Program p, String what, int point, Object[] inputs, Object expected, Object actual) {
    org.junit.jupiter.api.Assertions.fail(
        what
            + " at point "
            + point
            + ": interpreter "
            + show(expected)
            + ", simd "
            + show(actual)
            + "\ninputs "
            + Arrays.toString(inputs)
            + "\nprogram\n"
            + Printer.print(p));
  }

  private static String show(Object v) {
    if (v instanceof Float f) {
      return f + " (0x" + Integer.toHexString(Float.floatToRawIntBits(f)) + ")";
    }
    if (v instanceof Double d) {
      return d + " (0x" + Integer.toHexString(Float.floatToRawIntBits(d.floatValue())) + ")";
    }
    return String.valueOf(v);
  }
}
