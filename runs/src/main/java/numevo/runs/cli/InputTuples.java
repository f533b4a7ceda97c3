package numevo.runs.cli;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import numevo.dsl.format.FloatLiterals;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Type;

/** Reads input values typed as a program's inputs: f literals rounded once, i32, int. */
final class InputTuples {
  private InputTuples() {}

  /**
   * Parses one value of type {@code t}.
   *
   * @param where how to name the value's place in a message, e.g. {@code "--in value 2"}
   * @throws UserError naming {@code where} if the text is not a value of the type
   */
  static Object parse(String text, Type t, NumberFormat format, String where) {
    try {
      return switch (t) {
        case F -> FloatLiterals.parse(text, format);
        case I32 -> parseI32(text);
        case INT -> parseInt(text);
      };
    } catch (NumberFormatException e) {
      String why = e.getMessage() == null ? "" : ": " + e.getMessage();
      throw new UserError(where + ": bad " + t + " value '" + text + "'" + why);
    }
  }

  private static int parseI32(String text) {
    String s = text.strip().toLowerCase(Locale.ROOT);
    boolean neg = s.startsWith("-");
    String body = neg || s.startsWith("+") ? s.substring(1) : s;
    long v;
    if (body.startsWith("0x")) {
      v = Long.parseLong(body.substring(2), 16);
      if (v > 0xFFFF_FFFFL) {
        throw new NumberFormatException("outside the 32-bit range");
      }
      v = (int) v; // 0x80000000..0xFFFFFFFF name negative i32 values
    } else {
      v = Long.parseLong(body);
      if (v > (neg ? 1L << 31 : Integer.MAX_VALUE)) {
        throw new NumberFormatException("outside the i32 range");
      }
    }
    return (int) (neg ? -v : v);
  }

  private static BigInteger parseInt(String text) {
    String s = text.strip().toLowerCase(Locale.ROOT);
    if (s.length() > 2000) {
      throw new NumberFormatException("too long");
    }
    boolean neg = s.startsWith("-");
    String body = neg || s.startsWith("+") ? s.substring(1) : s;
    BigInteger v =
        body.startsWith("0x") ? new BigInteger(body.substring(2), 16) : new BigInteger(body);
    return neg ? v.negate() : v;
  }

  /** Splits a line of an inputs file into values (spaces, tabs or commas between them). */
  static List<String> split(String line) {
    String s = line.strip();
    return s.isEmpty() ? List.of() : List.of(s.split("[\\s,]+"));
  }
}
