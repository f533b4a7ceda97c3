package numevo.dsl.format;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Text that is not a float literal throws {@link NumberFormatException} with a one-line message
 * quoting the text; literals too long or with too large an exponent are refused the same way rather
 * than keeping BigDecimal busy.
 */
class BadLiteralsAreRejectedTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "", "   ", "abc", "1.2.3", "1,5", "0x1.8", "0x18", "0x1.8p", "0xp3", "0x.p1", "1e", "e5",
        ".", "-", "--1", "+-1", "1f", "1d", "0b101", "inf1", "infinit", "nan(1)", "- 1", "1 2",
        "\u0661", // ARABIC-INDIC DIGIT ONE
      })
  void malformedTextIsNotALiteral(String text) {
    NumberFormatException e =
        assertThrows(
            NumberFormatException.class, () -> FloatLiterals.parse(text, NumberFormat.E4M3FN));
    assertOneLine(e);
    assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
    assertFalse(FloatLiterals.isFloatLiteral(text), text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e1234567", "-1e-1234567", "0x1p1234567", "0x1p-99999999999"})
  void exponentsTooLargeAreRefused(String text) {
    NumberFormatException e =
        assertThrows(
            NumberFormatException.class, () -> FloatLiterals.parse(text, NumberFormat.FLOAT64));
    assertOneLine(e);
    assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(ints = {1001, 5000})
  void literalsTooLongAreRefused(int digits) {
    String text = "1".repeat(digits);
    NumberFormatException e =
        assertThrows(
            NumberFormatException.class, () -> FloatLiterals.parse(text, NumberFormat.FLOAT64));
    assertOneLine(e);
    assertTrue(e.getMessage().contains("too long"), e.getMessage());
  }

  private static void assertOneLine(NumberFormatException e) {
    String m = e.getMessage();
    assertTrue(m != null && !m.isBlank() && !m.contains("\n"), "message: " + m);
  }
}
