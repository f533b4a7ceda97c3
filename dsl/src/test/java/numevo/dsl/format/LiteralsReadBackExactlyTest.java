package numevo.dsl.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link FloatLiterals#format} gives text that {@link FloatLiterals#parse} reads back to the same
 * value, bit for bit, including the sign of zero. NaN is written {@code nan} whatever its sign (NaN
 * signs from arithmetic are not reproducible, so text does not show them) and reads back as NaN.
 */
class LiteralsReadBackExactlyTest {

  static Stream<NumberFormat> narrowFormats() {
    return FormatSpec.NARROW.stream().map(FormatSpec::format);
  }

  static Stream<NumberFormat> fp8Formats() {
    return FormatSpec.FP8.stream().map(FormatSpec::format);
  }

  @ParameterizedTest
  @MethodSource("narrowFormats")
  void everyCodeOfEveryNarrowFormatReadsBack(NumberFormat f) {
    long codes = 1L << f.bits();
    for (long code = 0; code < codes; code++) {
      assertReadsBack(f, f.decode(code));
    }
  }

  @ParameterizedTest
  @MethodSource("fp8Formats")
  void everyFp8CodeReadsBackFromHex(NumberFormat f) {
    for (long code = 0; code < 256; code++) {
      double v = f.decode(code);
      String hex = FloatLiterals.hex(v);
      double back = FloatLiterals.parse(hex, f);
      if (Double.isNaN(v)) {
        assertTrue(Double.isNaN(back), hex);
      } else {
        assertEquals(Double.doubleToRawLongBits(v), Double.doubleToRawLongBits(back), hex);
      }
    }
  }

  @Property(tries = 3000, seed = "31")
  void float32ValuesReadBack(@ForAll int bits) {
    assertReadsBack(NumberFormat.FLOAT32, Float.intBitsToFloat(bits));
  }

  @Property(tries = 3000, seed = "32")
  void float64ValuesReadBack(@ForAll long bits) {
    assertReadsBack(NumberFormat.FLOAT64, Double.longBitsToDouble(bits));
  }

  /** Also the values arithmetic produces: any double, rounded to each format. */
  @Property(tries = 1000, seed = "33")
  void roundedDoublesReadBackInEveryFormat(@ForAll long bits) {
    for (NumberFormat f : NumberFormat.values()) {
      assertReadsBack(f, f.round(Double.longBitsToDouble(bits)));
    }
  }

  private static void assertReadsBack(NumberFormat f, double v) {
    String text = FloatLiterals.format(v, f);
    double back = FloatLiterals.parse(text, f);
    if (Double.isNaN(v)) {
      assertEquals("nan", text);
      assertTrue(Double.isNaN(back));
      return;
    }
    assertEquals(
        Double.doubleToRawLongBits(v),
        Double.doubleToRawLongBits(back),
        () -> f + " " + Double.toHexString(v) + " wrote '" + text + "', read " + back);
    assertTrue(FloatLiterals.isFloatLiteral(text), text);
  }

  /** The hex form reads back too, for values of every kind. */
  @Property(tries = 1000, seed = "34")
  void hexFormsReadBack(@ForAll long bits) {
    double v = Double.longBitsToDouble(bits);
    for (NumberFormat f : NumberFormat.values()) {
      double r = f.round(v);
      String hex = FloatLiterals.hex(r);
      double back = FloatLiterals.parse(hex, f);
      if (Double.isNaN(r)) {
        assertEquals("nan", hex);
        assertTrue(Double.isNaN(back));
      } else {
        assertEquals(
            Double.doubleToRawLongBits(r), Double.doubleToRawLongBits(back), () -> f + " " + hex);
      }
    }
  }
}
