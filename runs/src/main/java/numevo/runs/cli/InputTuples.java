package numevo.runs.cli;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
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
        case F -> parseFloat(text, format);
        case I32 -> parseI32(text);
        case INT -> parseInt(text);
      };
    } catch (NumberFormatException e) {
      throw new UserError(where + ": bad " + t + " value '" + text + "': " + e.getMessage());
    }
  }

  private static final Pattern INTEGER = Pattern.compile("[+-]?(?:0x[0-9a-f]+|[0-9]+)");

  private static double parseFloat(String text, NumberFormat format) {
    if (!FloatLiterals.isFloatLiteral(text)) {
      throw new NumberFormatException(
          "expected a decimal, a hex float (0x1.8p3), inf, -inf or nan");
    }
    return FloatLiterals.parse(text, format);
  }

  /** The lower-case text without its sign, checked to be decimal or 0x hex digits. */
  private static String digits(String s, String type) {
    if (!INTEGER.matcher(s).matches()) {
      throw new NumberFormatException("expected " + type + " integer, decimal or 0x hex");
    }
    return s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
  }

  private static int parseI32(String text) {
    String s = text.strip().toLowerCase(Locale.ROOT);
    if (s.length() > 100) {
      throw new NumberFormatException("outside the i32 range");
    }
    boolean neg = s.startsWith("-");
    String body = digits(s, "an i32");
    if (body.startsWith("0x")) {
      BigInteger v = new BigInteger(body.substring(2), 16);
      if (v.bitLength() > 32) {
        throw new NumberFormatException("outside the 32-bit range");
      }
      int bits = (int) v.longValue(); // 0x80000000..0xFFFFFFFF name negative i32 values
      return neg ? -bits : bits;
    }
    BigInteger v = new BigInteger(body);
    if (v.compareTo(BigInteger.valueOf(neg ? 1L << 31 : Integer.MAX_VALUE)) > 0) {
      throw new NumberFormatException("outside the i32 range");
    }
    return (int) (neg ? -v.longValue() : v.longValue());
  }

  private static BigInteger parseInt(String text) {
    String s = text.strip().toLowerCase(Locale.ROOT);
    if (s.length() > 2000) {
      throw new NumberFormatException("too long");
    }
    boolean neg = s.startsWith("-");
    String body = digits(s, "an");
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
