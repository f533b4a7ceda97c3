package numevo.dsl.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Saturation#FINITE} sends finite overflow to the largest finite value of the same sign and
 * leaves infinities as the format has them (Inf, or NaN where it has none); {@link Saturation#ALL}
 * (ONNX) sends infinities to the largest finite value too. NaN stays NaN under both. The codes
 * below are written out from formats.md and IEEE 754.
 */
class SaturationTest {

  /** format, code of +max, code of +Inf under FINITE, code of -Inf under FINITE. */
  static Stream<Arguments> formats() {
    return Stream.of(
        Arguments.of(NumberFormat.E4M3FN, 0x7eL, 0x7fL, 0xffL),
        Arguments.of(NumberFormat.E5M2, 0x7bL, 0x7cL, 0xfcL),
        Arguments.of(NumberFormat.E4M3FNUZ, 0x7fL, 0x80L, 0x80L),
        Arguments.of(NumberFormat.E5M2FNUZ, 0x7fL, 0x80L, 0x80L),
        Arguments.of(NumberFormat.FLOAT16, 0x7bffL, 0x7c00L, 0xfc00L),
        Arguments.of(NumberFormat.BFLOAT16, 0x7f7fL, 0x7f80L, 0xff80L),
        Arguments.of(NumberFormat.FLOAT32, 0x7f7f_ffffL, 0x7f80_0000L, 0xff80_0000L),
        Arguments.of(
            NumberFormat.FLOAT64,
            0x7fef_ffff_ffff_ffffL,
            0x7ff0_0000_0000_0000L,
            0xfff0_0000_0000_0000L));
  }

  @ParameterizedTest
  @MethodSource("formats")
  void finiteOverflowGivesTheLargestFiniteValueUnderBothModes(
      NumberFormat f, long max, long infFinite, long negInfFinite) {
    long sign = 1L << (f.bits() - 1);
    double[] overflowing =
        f == NumberFormat.FLOAT64
            ? new double[] {} // a finite double never overflows float64
            : new double[] {Math.nextUp(overflowThreshold(f)), 2 * f.maxFinite(), Double.MAX_VALUE};
    for (double x : overflowing) {
      for (Saturation s : new Saturation[] {Saturation.FINITE, Saturation.ALL}) {
        assertEquals(f.hex(max), f.hex(f.encode(x, s)), () -> f + " " + s + " " + x);
        assertEquals(f.hex(sign | max), f.hex(f.encode(-x, s)), () -> f + " " + s + " " + -x);
        assertEquals(Math.copySign(f.maxFinite(), x), f.round(x, s));
      }
      assertTrue(
          f.isNaNCode(f.encode(x)) || Double.isInfinite(f.decode(f.encode(x))),
          () -> f + " without saturation " + x + " overflows");
    }
  }

  @ParameterizedTest
  @MethodSource("formats")
  void infinityKeepsTheFormatsConventionUnderFiniteAndBecomesMaxUnderAll(
      NumberFormat f, long max, long infFinite, long negInfFinite) {
    long sign = 1L << (f.bits() - 1);
    double inf = Double.POSITIVE_INFINITY;
    assertEquals(f.hex(infFinite), f.hex(f.encode(inf, Saturation.FINITE)));
    assertEquals(f.hex(negInfFinite), f.hex(f.encode(-inf, Saturation.FINITE)));
    assertEquals(f.hex(infFinite), f.hex(f.encode(inf, Saturation.NONE)));
    assertEquals(f.hex(negInfFinite), f.hex(f.encode(-inf, Saturation.NONE)));
    assertEquals(f.hex(max), f.hex(f.encode(inf, Saturation.ALL)));
    assertEquals(f.hex(sign | max), f.hex(f.encode(-inf, Saturation.ALL)));
    assertEquals(f.maxFinite(), f.round(inf, Saturation.ALL));
    assertEquals(-f.maxFinite(), f.round(-inf, Saturation.ALL));
    assertEquals(f.hasInfinity(), Double.isInfinite(f.round(inf, Saturation.FINITE)));
  }

  @ParameterizedTest
  @MethodSource("formats")
  void nanStaysNanUnderEveryMode(NumberFormat f, long max, long infFinite, long negInfFinite) {
    double[] nans = {
      Double.NaN,
      Double.longBitsToDouble(0xfff8_0000_0000_0000L),
      Double.longBitsToDouble(0x7ff0_0000_0000_0001L)
    };
    for (double nan : nans) {
      for (Saturation s : Saturation.values()) {
        assertTrue(f.isNaNCode(f.encode(nan, s)), () -> f + " " + s);
        assertTrue(Double.isNaN(f.round(nan, s)), () -> f + " " + s);
      }
    }
  }

  /** Below the overflow threshold saturation changes nothing, and round agrees with encode. */
  @ParameterizedTest
  @MethodSource("formats")
  void inRangeValuesAreUnaffectedAndRoundAgreesWithEncode(
      NumberFormat f, long max, long infFinite, long negInfFinite) {
    Random random = new Random(f.ordinal() + 99L);
    double limit = f == NumberFormat.FLOAT64 ? Double.MAX_VALUE : overflowThreshold(f);
    for (int i = 0; i < 20_000; i++) {
      double x = Math.scalb(random.nextDouble(), Math.getExponent(limit) - random.nextInt(40));
      if (random.nextBoolean()) {
        x = -x;
      }
      if (Math.abs(x) >= limit) {
        continue;
      }
      long plain = f.encode(x);
      for (Saturation s : Saturation.values()) {
        assertEquals(plain, f.encode(x, s), f + " " + s + " " + x);
        assertEquals(
            Double.doubleToRawLongBits(f.decode(plain)),
            Double.doubleToRawLongBits(f.round(x, s)),
            f + " " + s + " " + x);
      }
    }
  }

  /** Midway between the largest finite value and the next value the exponent grid would have. */
  private static double overflowThreshold(NumberFormat f) {
    return f.maxFinite() + Math.scalb(1.0, Math.getExponent(f.maxFinite()) - f.mantissaBits() - 1);
  }
}
