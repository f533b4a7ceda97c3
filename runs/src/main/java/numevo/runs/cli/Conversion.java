package numevo.runs.cli;

import numevo.dsl.format.FloatLiterals;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.format.Saturation;

/**
 * One value rounded once to a number format: the text as the user gave it and the code it rounds
 * to. The value shown for it is the code's own value, so what is printed is what the format holds.
 *
 * @param input the literal as given
 * @param format the format rounded to
 * @param code the code, in {@code [0, 2^bits)} (for float64 the raw long bits)
 */
record Conversion(String input, NumberFormat format, long code) {

  /**
   * Parses a literal and rounds its exact value once to {@code format}.
   *
   * @param input a decimal, a hex float, {@code inf}, {@code -inf} or {@code nan}
   * @param format the format to round to
   * @param saturation the overflow policy
   * @throws NumberFormatException with a one-line message if {@code input} is not a float literal
   */
  static Conversion of(String input, NumberFormat format, Saturation saturation) {
    double rounded = FloatLiterals.parse(input, format, saturation);
    return new Conversion(input, format, format.encode(rounded));
  }

  /** The code in lower-case hex, zero-padded to the format's width, e.g. {@code 0x7e}. */
  String hexCode() {
    return format.hex(code);
  }

  /** The value the code stands for (NaN for a NaN code). */
  double value() {
    return format.decode(code);
  }

  /** The value as text that reads back to it: a decimal, {@code inf}, {@code -inf} or nan. */
  String valueText() {
    return FloatLiterals.format(value(), format);
  }
}
