package numevo.dsl.text;

import java.math.BigInteger;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;
import numevo.dsl.format.FloatLiterals;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Operand;
import numevo.dsl.program.Operand.FloatLit;
import numevo.dsl.program.Operand.I32Lit;
import numevo.dsl.program.Operand.IntLit;
import numevo.dsl.program.Type;

/**
 * How operand text is classified and how literals read and print. The parser and the printer both
 * go through here, so the printer's choice of suffixes matches what the parser will infer.
 */
final class LiteralSyntax {
  private LiteralSyntax() {}

  /** What an operand's text looks like, before any overload is chosen. */
  enum Kind {
    /**
     * A value name (any word starting with a letter or '_', except {@code inf} and {@code nan}).
     */
    NAME,
    /** Decimal digits or {@code 0x} hex digits, optionally signed: may be f, i32 or int. */
    INTEGER,
    /** A float literal with a point, exponent, hex {@code p} exponent, inf or nan: only f. */
    FLOAT,
    /** Starts like a number but is not a valid literal. */
    BAD_LITERAL,
    /** Neither a name nor anything like a literal. */
    OTHER
  }

  private static final Pattern INTEGER_TEXT = Pattern.compile("[+-]?(?:[0-9]+|0[xX][0-9a-fA-F]+)");

  private static final BigInteger I32_HEX_LIMIT = BigInteger.ONE.shiftLeft(32);

  static Kind classify(String text) {
    if (INTEGER_TEXT.matcher(text).matches()) {
      return Kind.INTEGER;
    }
    char c = text.charAt(0);
    if (Character.isLetter(c) || c == '_') {
      // Checker.isReserved makes exactly these two lower-case words unusable as names.
      return text.equals("inf") || text.equals("nan") ? Kind.FLOAT : Kind.NAME;
    }
    if (FloatLiterals.isFloatLiteral(text)) {
      return Kind.FLOAT;
    }
    return (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'
        ? Kind.BAD_LITERAL
        : Kind.OTHER;
  }

  /** The types an untyped literal of this kind can take. */
  static Set<Type> candidates(Kind kind) {
    return switch (kind) {
      case INTEGER -> EnumSet.allOf(Type.class);
      case FLOAT -> EnumSet.of(Type.F);
      default -> throw new IllegalArgumentException("not a literal: " + kind);
    };
  }

  /**
   * Reads a literal as the given type.
   *
   * @param text a literal of kind INTEGER or FLOAT
   * @throws NumberFormatException with a one-line message if the text is not a literal of that type
   *     or out of its range
   */
  static Operand read(String text, Type type, NumberFormat format) {
    Kind kind = classify(text);
    return switch (type) {
      case F -> FloatLit.of(readFloat(text, kind, format));
      case I32 -> I32Lit.of(readI32(text, kind));
      case INT -> IntLit.of(readInteger(text, kind, "int"));
    };
  }

  private static double readFloat(String text, Kind kind, NumberFormat format) {
    // An integer-looking hex literal has no 'p'; FloatLiterals reads it given a zero exponent.
    String literal = kind == Kind.INTEGER && isHex(text) ? text + "p0" : text;
    double v = FloatLiterals.parse(literal, format);
    if (FloatLiterals.isHex(text) && !FloatLiterals.isExact(literal, format)) {
      // Hex literals are exact by definition: one that would round is an error, not a value.
      throw new NumberFormatException(
          "hex literal "
              + Token.quote(text)
              + " is not exactly representable in "
              + format
              + " (it would read as "
              + FloatLiterals.format(v, format)
              + "); hex literals are exact: write a "
              + format
              + " value or a decimal literal, which is rounded once");
    }
    if (v == 0.0 && text.charAt(0) == '-') {
      // FloatLiterals reads an exact zero through BigDecimal, which has no -0; a negative literal
      // that is or rounds to zero is -0 wherever the format has one.
      return format.round(-0.0);
    }
    return v;
  }

  private static int readI32(String text, Kind kind) {
    BigInteger v = readInteger(text, kind, "i32");
    boolean unsignedHex = isHex(text) && text.charAt(0) != '-' && text.charAt(0) != '+';
    if (unsignedHex && v.compareTo(I32_HEX_LIMIT) < 0) {
      return (int) v.longValue(); // a bit pattern: 0x80000000..0xffffffff wrap to negative
    }
    if (v.bitLength() <= 31) {
      return v.intValue();
    }
    throw new NumberFormatException(
        "i32 literal "
            + Token.quote(text)
            + " out of range: decimal -2147483648..2147483647, hex 0x0..0xffffffff");
  }

  private static BigInteger readInteger(String text, Kind kind, String typeName) {
    if (kind != Kind.INTEGER) {
      throw new NumberFormatException(
          "bad " + typeName + " literal " + Token.quote(text) + ": expected an integer");
    }
    boolean negative = text.charAt(0) == '-';
    String digits = text.charAt(0) == '-' || text.charAt(0) == '+' ? text.substring(1) : text;
    BigInteger magnitude =
        isHex(text) ? new BigInteger(digits.substring(2), 16) : new BigInteger(digits);
    return negative ? magnitude.negate() : magnitude;
  }

  private static boolean isHex(String text) {
    int i = text.charAt(0) == '-' || text.charAt(0) == '+' ? 1 : 0;
    return text.length() > i + 1
        && text.charAt(i) == '0'
        && (text.charAt(i + 1) == 'x' || text.charAt(i + 1) == 'X');
  }

  /**
   * The canonical text of a literal, without a type suffix: f values in the shortest form that
   * reads back exactly in {@code format}, integers in decimal.
   */
  static String text(Operand literal, NumberFormat format) {
    return switch (literal) {
      case FloatLit l -> FloatLiterals.format(l.value(), format);
      case I32Lit l -> Integer.toString(l.value());
      case IntLit l -> l.value().toString();
      case Operand.Ref r -> throw new IllegalArgumentException("not a literal: " + r);
    };
  }
}
