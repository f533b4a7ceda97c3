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

  /** Sign, hex digits with an optional point (at least one digit), binary exponent. */
  private static final Pattern HEX =
      Pattern.compile(
          "([+-]?)0[xX]([0-9a-fA-F]+(?:\\.[0-9a-fA-F]*)?|\\.[0-9a-fA-F]+)[pP]([+-]?\\d+)");

  /** Largest decimal exponent accepted, so that no literal makes BigDecimal work for long. */
  private static final int MAX_EXPONENT_DIGITS = 6;

  /** Largest number of digits accepted in one literal. */
  private static final int MAX_DIGITS = 1000;

  /**
   * Beyond {@code 2^±HEX_EXPONENT_LIMIT} every format rounds to zero or overflows alike, so hex
   * literals further out are moved to that limit rather than made into huge BigDecimals.
   */
  private static final int HEX_EXPONENT_LIMIT = 1100;

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
   * Like {@link #parse(String, NumberFormat)} but with an overflow policy. A finite literal beyond
   * the largest finite value saturates to it (with its sign) under {@link Saturation#FINITE} and
   * {@link Saturation#ALL}; {@code inf} and {@code -inf} do so only under {@code ALL}, and {@code
   * nan} stays NaN (see {@link NumberFormat#round(double, Saturation)}).
   *
   * @param text the literal, never null
   * @param format the format to round to, never null
   * @param saturation the overflow policy, never null
   * @return the value, exactly representable in {@code format} (or NaN / an infinity)
   * @throws NumberFormatException with a one-line message if {@code text} is not a float literal
   */
  public static double parse(String text, NumberFormat format, Saturation saturation) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    Double special = special(t);
    if (special != null) {
      return format.round(special, saturation);
    }
    BigDecimal exact = exactValue(text);
    if (exact.signum() == 0) {
      // BigDecimal has no -0: the literal's own sign decides.
      return format.round(t.startsWith("-") ? -0.0 : 0.0);
    }
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

  /**
   * Whether {@code text} is a hex literal: a hex float ({@code 0x1.8p3}) or hex digits ({@code
   * 0x18}), optionally signed.
   *
   * @param text any string, never null
   */
  public static boolean isHex(String text) {
    String t = text.strip();
    int i = t.startsWith("-") || t.startsWith("+") ? 1 : 0;
    return t.regionMatches(true, i, "0x", 0, 2);
  }

  /**
   * Whether the finite literal {@code text} (decimal or hex float) has a value that {@code format}
   * represents exactly, so that reading it involves no rounding; {@code inf}, {@code -inf} and
   * {@code nan} count as exact (what they read as in a format without them is a separate matter).
   *
   * @param text a float literal, never null
   * @param format the format, never null
   * @throws NumberFormatException with a one-line message if {@code text} is not a float literal
   */
  public static boolean isExact(String text, NumberFormat format) {
    Double special = special(text.strip().toLowerCase(Locale.ROOT));
    if (special != null) {
      return true;
    }
    BigDecimal exact = exactValue(text);
    if (exact.signum() == 0) {
      return true;
    }
    double r = format.roundExact(exact);
    return Double.isFinite(r) && new BigDecimal(r).compareTo(exact) == 0;
  }

  private static Double special(String t) {
    return switch (t) {
      case "inf", "+inf", "infinity", "+infinity" -> Double.POSITIVE_INFINITY;
      case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
      case "nan", "+nan" -> Double.NaN;
      case "-nan" -> NumberFormat.nanWithSign(true);
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
      String exp = hex.group(3);
      if (exp.replaceFirst("^[+-]", "").length() > MAX_EXPONENT_DIGITS) {
        throw new NumberFormatException("exponent too large in '" + text + "'");
      }
      String digits = hex.group(2);
      int point = digits.indexOf('.');
      int fracDigits = point < 0 ? 0 : digits.length() - point - 1;
      BigInteger mant = new BigInteger(digits.replace(".", ""), 16);
      if (mant.signum() == 0) {
        return BigDecimal.ZERO;
      }
      int e = Integer.parseInt(exp) - 4 * fracDigits;
      int top = mant.bitLength() + e; // the value lies in [2^(top-1), 2^top)
      if (top > HEX_EXPONENT_LIMIT || top < -HEX_EXPONENT_LIMIT) {
        e = Integer.signum(top) * HEX_EXPONENT_LIMIT - mant.bitLength();
      }
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
   * Text for a value of {@code format} that {@link #parse} reads back to the same value, the sign
   * of zero included: {@code inf}, {@code -inf}, {@code nan} (for every NaN: the sign of a NaN from
   * arithmetic is not reproducible, so text does not show it), else the shortest decimal that
   * identifies the value among floats (float32) or doubles (every other format).
   *
   * @param v a value of {@code format}
   * @param format the format {@code v} belongs to, never null
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
