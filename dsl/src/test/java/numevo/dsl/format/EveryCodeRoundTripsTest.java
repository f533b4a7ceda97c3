package numevo.dsl.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every code of every 8- and 16-bit format decodes to the value the spec gives it and encodes back
 * to itself (under {@link Saturation#ALL} an infinity becomes the largest finite value). The
 * exception is NaN: a NaN code encodes back to the format's NaN of the same sign (the quiet NaN in
 * IEEE formats, S.1111.111 in e4m3fn) or to 0x80, the only NaN of the fnuz formats; payloads are
 * not kept.
 */
class EveryCodeRoundTripsTest {

  static Stream<FormatSpec> narrowFormats() {
    return FormatSpec.NARROW.stream();
  }

  @ParameterizedTest
  @MethodSource("narrowFormats")
  void everyCodeDecodesToTheSpecValue(FormatSpec spec) {
    NumberFormat f = spec.format();
    for (int code = 0; code < spec.codeCount(); code++) {
      double v = f.decode(code);
      int c = code;
      Supplier<String> where = () -> f + " " + f.hex(c) + " decoded " + v;
      if (spec.isNaN(code)) {
        assertTrue(Double.isNaN(v), where);
        assertTrue(f.isNaNCode(code), where);
      } else if (spec.isInfinite(code)) {
        double inf =
            (code & spec.signBit()) != 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        assertEquals(inf, v, where);
      } else {
        assertEquals(0, spec.value(code).compareTo(Exact.of(v)), where);
        assertEquals(spec.isNegativeZero(code), isNegativeZero(v), where);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("narrowFormats")
  void everyCodeReEncodesToItselfFromDoubleAndFromFloat(FormatSpec spec) {
    NumberFormat f = spec.format();
    for (int code = 0; code < spec.codeCount(); code++) {
      double v = f.decode(code);
      long expected = spec.isNaN(code) ? spec.nanCode((code & spec.signBit()) != 0) : code;
      int c = code;
      Supplier<String> where = () -> f + " " + f.hex(c);
      assertEquals(expected, f.encode(v), () -> where.get() + " from double");
      assertEquals(expected, f.encode((float) v), () -> where.get() + " from float");
      assertEquals(expected, f.encode(v, Saturation.FINITE), () -> where.get() + " FINITE");
      // Under the ONNX convention an infinity becomes the largest finite value of its sign.
      long underAll =
          spec.isInfinite(code) ? (code & spec.signBit()) | spec.maxFiniteCode() : expected;
      assertEquals(underAll, f.encode(v, Saturation.ALL), () -> where.get() + " ALL");
    }
  }

  @ParameterizedTest
  @MethodSource("narrowFormats")
  void roundLeavesEveryValueOfTheFormatUnchanged(FormatSpec spec) {
    NumberFormat f = spec.format();
    for (int code = 0; code < spec.codeCount(); code++) {
      double v = f.decode(code);
      if (Double.isNaN(v)) {
        continue;
      }
      long bits = Double.doubleToRawLongBits(f.round(v));
      assertEquals(Double.doubleToRawLongBits(v), bits, f + " " + f.hex(code));
    }
  }

  @ParameterizedTest
  @MethodSource("narrowFormats")
  void publishedParametersMatchTheSpec(FormatSpec spec) {
    NumberFormat f = spec.format();
    assertEquals(spec.bits(), f.bits());
    assertEquals(spec.exponentBits(), f.exponentBits());
    assertEquals(spec.mantissaBits(), f.mantissaBits());
    assertEquals(spec.bias(), f.bias());
    assertEquals(spec.specials() == FormatSpec.Specials.IEEE, f.hasInfinity());
    assertEquals(spec.specials() != FormatSpec.Specials.FNUZ, f.hasNegativeZero());
    assertEquals(0, spec.value(spec.maxFiniteCode()).compareTo(Exact.of(f.maxFinite())));
    assertEquals(0, spec.value(1).compareTo(Exact.of(f.minSubnormal())));
    assertEquals(0, spec.value(1 << spec.mantissaBits()).compareTo(Exact.of(f.minNormal())));
  }

  /** The table in formats.md, and the IEEE float16 and bfloat16 extremes, as numbers. */
  @Test
  void extremesOfFormatsMdAndIeee() {
    assertEquals(448.0, NumberFormat.E4M3FN.maxFinite());
    assertEquals(0x7e, NumberFormat.E4M3FN.encode(448.0));
    assertEquals(0x1p-6, NumberFormat.E4M3FN.minNormal());
    assertEquals(0x1p-9, NumberFormat.E4M3FN.minSubnormal());
    assertEquals(57344.0, NumberFormat.E5M2.maxFinite());
    assertEquals(0x7b, NumberFormat.E5M2.encode(57344.0));
    assertEquals(0x1p-14, NumberFormat.E5M2.minNormal());
    assertEquals(0x1p-16, NumberFormat.E5M2.minSubnormal());
    assertEquals(240.0, NumberFormat.E4M3FNUZ.maxFinite());
    assertEquals(0x1p-7, NumberFormat.E4M3FNUZ.minNormal());
    assertEquals(0x1p-10, NumberFormat.E4M3FNUZ.minSubnormal());
    assertEquals(57344.0, NumberFormat.E5M2FNUZ.maxFinite());
    assertEquals(0x1p-15, NumberFormat.E5M2FNUZ.minNormal());
    assertEquals(0x1p-17, NumberFormat.E5M2FNUZ.minSubnormal());
    assertEquals(65504.0, NumberFormat.FLOAT16.maxFinite());
    assertEquals(0x1.fep127, NumberFormat.BFLOAT16.maxFinite());
  }

  @Property(tries = 2000, seed = "20260127")
  void float32CodesRoundTrip(@ForAll int code) {
    checkWideRoundTrip(NumberFormat.FLOAT32, code & 0xFFFF_FFFFL, 0x7fc0_0000L, 1L << 31);
  }

  @Property(tries = 2000, seed = "20260127")
  void float64CodesRoundTrip(@ForAll long code) {
    checkWideRoundTrip(NumberFormat.FLOAT64, code, 0x7ff8_0000_0000_0000L, 1L << 63);
  }

  private static void checkWideRoundTrip(NumberFormat f, long code, long quietNaN, long signBit) {
    double v = f.decode(code);
    boolean nan = Double.isNaN(v);
    long expected = nan ? quietNaN | (code & signBit) : code;
    assertEquals(f.hex(expected), f.hex(f.encode(v)), () -> f + " " + f.hex(code));
    if (!nan) {
      assertEquals(Double.doubleToRawLongBits(v), Double.doubleToRawLongBits(f.round(v)));
    }
  }

  private static boolean isNegativeZero(double v) {
    return v == 0.0 && Double.doubleToRawLongBits(v) < 0;
  }
}
