package numevo.dsl.format;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes float values as text: decimals, hex floats ({@code 0x1.8p3}), {@code inf},
 * {@code -inf} and {@code nan}. Reading rounds the exact value once to the target format; writing
 * gives text that reads back to the same value exactly.
 */
public final class FloatLiterals {
  private FloatLiterals() {}

  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern HEX =
      Pattern.compile("([+-]?)0[xX]([0-9a-fA-F]*)(?:\\.([0-9a-fA-F]*))?[pP]([+-]?\\d+)");

  /** Largest decimal exponent accepted, so that no literal makes BigDecimal work for long. */
  private static final int MAX_EXPONENT_DIGITS = 6;

  /** Largest number of digits accepted in one literal. */
  private static final int MAX_DIGITS = 1000;

  /**
   * Parses a float literal and rounds its exact value once to {@code format} (no saturation).
   *
   * @param text the literal, never null
   * @param format the format to round to, never null
   * @return the value, exactly representable in {@code format}
   * @throws NumberFormatException with a one-line message if {@code text} is not a float literal
   */
  public static double parse(String text, NumberFormat format) {
    return parse(text, format, Saturation.NONE);
  }

  /**
   * Like {@link #parse(String, NumberFormat)} but with an overflow policy; NaN and infinities are
   * returned as such before saturation applies.
   */
  public static double parse(String text, NumberFormat format, Saturation saturation) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    Double special = special(t);
    if (special != null) {
      return format.round(special, saturation);
    }
    BigDecimal exact = exactValue(text);
    double r = format.roundExact(exact);
    if (saturation != Saturation.NONE && (Double.isInfinite(r) || Double.isNaN(r))) {
      // Only finite overflow reaches here: saturate to the largest finite value.
      return exact.signum() < 0 ? -format.maxFinite() : format.maxFinite();
    }
    return r;
  }

  /**
   * Whether {@code text} has the form of a float literal (not whether it is in range).
   *
   * @param text any string, never null
   */
  public static boolean isFloatLiteral(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    return special(t) != null || DECIMAL.matcher(t).matches() || HEX.matcher(t).matches();
  }

  private static Double special(String t) {
    return switch (t) {
      case "inf", "+inf", "infinity", "+infinity" -> Double.POSITIVE_INFINITY;
      case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
      case "nan", "+nan" -> Double.NaN;
      case "-nan" -> -Double.NaN;
      default -> null;
    };
  }

  /** The exact value of a finite decimal or hex-float literal. */
  private static BigDecimal exactValue(String text) {
    String t = text.strip();
    if (t.length() > MAX_DIGITS) {
      throw new NumberFormatException("literal too long (" + t.length() + " characters)");
    }
    Matcher hex = HEX.matcher(t);
    if (hex.matches()) {
      String intPart = hex.group(2);
      String frac = hex.group(3) == null ? "" : hex.group(3);
      if (intPart.isEmpty() && frac.isEmpty()) {
        throw new NumberFormatException("bad hex float '" + text + "'");
      }
      String exp = hex.group(4);
      if (exp.replaceFirst("^[+-]", "").length() > MAX_EXPONENT_DIGITS) {
        throw new NumberFormatException("exponent too large in '" + text + "'");
      }
      BigInteger mant = new BigInteger(intPart + frac + "0", 16).shiftRight(4);
      int e = Integer.parseInt(exp) - 4 * frac.length();
      BigDecimal v = new BigDecimal(mant);
      v = e >= 0 ? v.multiply(new BigDecimal(BigInteger.TWO.pow(e))) : divideByPowerOfTwo(v, -e);
      return hex.group(1).equals("-") ? v.negate() : v;
    }
    if (DECIMAL.matcher(t).matches()) {
      int ePos = Math.max(t.indexOf('e'), t.indexOf('E'));
      if (ePos >= 0
          && t.substring(ePos + 1).replaceFirst("^[+-]", "").length() > MAX_EXPONENT_DIGITS) {
        throw new NumberFormatException("exponent too large in '" + text + "'");
      }
      return new BigDecimal(t);
    }
    throw new NumberFormatException(
        "bad float literal '"
            + text
            + "': expected a decimal, a hex float (0x1.8p3), inf, -inf or nan");
  }

  private static BigDecimal divideByPowerOfTwo(BigDecimal v, int k) {
    // x / 2^k == x * 5^k / 10^k exactly.
    return new BigDecimal(v.unscaledValue().multiply(BigInteger.valueOf(5).pow(k)), v.scale() + k);
  }

  /**
   * Text for a value of {@code format} that {@link #parse} reads back to the same value: {@code
   * inf}, {@code -inf}, {@code nan}, else the shortest decimal that rounds back (Java's
   * float/double shortest representation).
   *
   * @param v a value of {@code format}
   */
  public static String format(double v, NumberFormat format) {
    if (Double.isNaN(v)) {
      return "nan";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    if (format == NumberFormat.FLOAT32) {
      return Float.toString((float) v);
    }
    return Double.toString(v);
  }

  /** The value as an exact hex float ({@code 0x1.8p3}), or inf / -inf / nan. */
  public static String hex(double v) {
    if (Double.isNaN(v)) {
      return "nan";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    return Double.toHexString(v);
  }
}
