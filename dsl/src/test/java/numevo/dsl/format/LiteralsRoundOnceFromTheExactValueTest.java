package numevo.dsl.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link FloatLiterals#parse} rounds the exact value of a decimal or hex literal once to the
 * format. The dangerous literals sit near a midpoint of the format, closer to it than half a double
 * ulp: rounding to the nearest double first would land on the midpoint and then tie to even.
 */
class LiteralsRoundOnceFromTheExactValueTest {

  static Stream<FormatSpec> narrowFormats() {
    return FormatSpec.NARROW.stream();
  }

  @Test
  void aDecimalJustAboveAnE4m3fnMidpointRoundsUp() {
    NumberFormat f = NumberFormat.E4M3FN;
    // 1.0625 is midway between 1 and 1.125 and ties down; the nearest double to these is 1.0625.
    assertEquals(1.125, FloatLiterals.parse("1.0625000000000000000000000000001", f));
    assertEquals(1.0, FloatLiterals.parse("1.0625", f));
    assertEquals(1.0, FloatLiterals.parse("1.0624999999999999999999999999999", f));
    // Above 1.0625 by 3/4 of a double ulp: the nearest double is the one above the midpoint.
    assertEquals(1.125, FloatLiterals.parse("1.06250000000000016653345369377348", f));
    // 1.1875 is midway between 1.125 and 1.25 and ties up; below by 3/4 of a double ulp.
    assertEquals(1.125, FloatLiterals.parse("1.18749999999999983346654630622652", f));
  }

  /**
   * Decimals at each midpoint (of the 16-bit formats, a sample), and off it by 1e-30 and by
   * fractions of a double ulp.
   */
  @ParameterizedTest
  @MethodSource("narrowFormats")
  void decimalsNearEveryMidpoint(FormatSpec spec) {
    NearestCodeOracle oracle = new NearestCodeOracle(spec);
    NumberFormat f = spec.format();
    for (BigDecimal m : oracle.midpointsSample()) {
      BigDecimal ulp = Exact.of(Math.ulp(m.doubleValue()));
      List<BigDecimal> offsets =
          List.of(
              new BigDecimal("1e-30").min(ulp.movePointLeft(3)),
              ulp.multiply(new BigDecimal("0.25")),
              ulp.multiply(new BigDecimal("0.5")),
              ulp.multiply(new BigDecimal("0.75")),
              ulp.multiply(new BigDecimal("1.25")));
      List<BigDecimal> values = new ArrayList<>(List.of(m));
      for (BigDecimal d : offsets) {
        values.add(m.add(d));
        values.add(m.subtract(d));
      }
      for (BigDecimal v : values) {
        for (BigDecimal signed : List.of(v, v.negate())) {
          String text = signed.toString();
          long expected = oracle.encode(signed.abs(), signed.signum() < 0, Saturation.NONE);
          long actual = f.encode(FloatLiterals.parse(text, f));
          assertEquals(expected, actual, () -> f + " '" + text + "' gave " + f.hex(actual));
        }
      }
    }
  }

  /**
   * Hex floats with 90-odd significant bits, a 2^-40 ulp off each midpoint (of the 16-bit formats,
   * a sample), written with the point in different places.
   */
  @ParameterizedTest
  @MethodSource("narrowFormats")
  void hexFloatsWithMoreThan53SignificantBitsNearEveryMidpoint(FormatSpec spec) {
    NearestCodeOracle oracle = new NearestCodeOracle(spec);
    NumberFormat f = spec.format();
    for (BigDecimal m : oracle.midpointsSample()) {
      double mid = m.doubleValue();
      int e = Math.getExponent(mid) - 52;
      BigInteger significand = BigInteger.valueOf((long) Math.scalb(mid, -e)).shiftLeft(40);
      for (int delta = -1; delta <= 1; delta++) {
        BigInteger s = significand.add(BigInteger.valueOf(delta));
        BigDecimal exact = Exact.timesPowerOfTwo(new BigDecimal(s), e - 40);
        long expected = oracle.encode(exact, false, Saturation.NONE);
        for (int point = 0; point <= 8; point += 4) {
          String text = hexLiteral(s, e - 40, point);
          assertEquals(
              expected, f.encode(FloatLiterals.parse(text, f)), () -> f + " '" + text + "'");
          assertEquals(
              oracle.encode(exact, true, Saturation.NONE),
              f.encode(FloatLiterals.parse("-" + text, f)),
              () -> f + " '-" + text + "'");
        }
      }
    }
  }

  /**
   * For float32 and float64: random neighbours a < b, and decimals at and around their midpoint.
   */
  @Test
  void float32AndFloat64MidpointsOfRandomNeighbours() {
    Random random = new Random(42);
    for (int i = 0; i < 1000; i++) {
      float a = Math.abs(Float.intBitsToFloat(random.nextInt()));
      if (!Float.isFinite(a) || a == Float.MAX_VALUE) {
        continue;
      }
      float b = Math.nextUp(a);
      checkMidpoint(NumberFormat.FLOAT32, a, b, (Float.floatToRawIntBits(a) & 1) == 0 ? a : b);
      double x = Math.abs(Double.longBitsToDouble(random.nextLong()));
      if (!Double.isFinite(x) || x == Double.MAX_VALUE) {
        continue;
      }
      double y = Math.nextUp(x);
      checkMidpoint(NumberFormat.FLOAT64, x, y, (Double.doubleToRawLongBits(x) & 1) == 0 ? x : y);
    }
  }

  private static void checkMidpoint(NumberFormat f, double a, double b, double even) {
    BigDecimal m = Exact.midpoint(Exact.of(a), Exact.of(b));
    BigDecimal ulp = Exact.of(Math.ulp(b)).min(Exact.of(Math.ulp(a)));
    for (BigDecimal d :
        List.of(
            ulp.movePointLeft(30),
            ulp.multiply(new BigDecimal("0.25")),
            ulp.multiply(new BigDecimal("0.375")))) {
      assertEquals(b, FloatLiterals.parse(m.add(d).toString(), f), () -> f + " above " + m);
      assertEquals(a, FloatLiterals.parse(m.subtract(d).toString(), f), () -> f + " below " + m);
      assertEquals(-b, FloatLiterals.parse(m.add(d).negate().toString(), f));
    }
    assertEquals(even, FloatLiterals.parse(m.toString(), f), () -> f + " at " + m);
  }

  @Test
  void hexTiesOfFloat64AndFloat32GoToEvenAndAnyLaterBitBreaksThem() {
    NumberFormat d = NumberFormat.FLOAT64;
    assertEquals(1.0, FloatLiterals.parse("0x1.00000000000008p0", d));
    assertEquals(Math.nextUp(1.0), FloatLiterals.parse("0x1.000000000000080000000001p0", d));
    assertEquals(1.0, FloatLiterals.parse("0x1.00000000000007ffffffffffp0", d));
    assertEquals(1 + 0x1p-51, FloatLiterals.parse("0x1.00000000000018p0", d));
    assertEquals(1 + 0x1p-51, FloatLiterals.parse("0x10.0000000000018p-4", d));
    assertEquals(Double.MIN_VALUE, FloatLiterals.parse("0x1.0000000000000000001p-1075", d));
    assertEquals(0.0, FloatLiterals.parse("0x1p-1075", d));
    NumberFormat s = NumberFormat.FLOAT32;
    assertEquals(1.0, FloatLiterals.parse("0x1.000001p0", s));
    assertEquals((double) Math.nextUp(1.0f), FloatLiterals.parse("0x1.000001000000000000001p0", s));
    assertEquals(
        (double) Math.nextUp(1.0f),
        FloatLiterals.parse("1.000000059604644775390625000000000001", s));
  }

  @Test
  void negativeZeroLiteralsKeepTheirSignWhereTheFormatHasOne() {
    for (NumberFormat f : NumberFormat.values()) {
      for (String text : List.of("-0", "-0.0", "-0e5", "-.0", "-0x0p0", "-0x0.0p-3", "-1e-400")) {
        double v = FloatLiterals.parse(text, f);
        long expected = f.hasNegativeZero() ? 1L << (f.bits() - 1) : 0;
        assertEquals(f.hex(expected), f.hex(f.encode(v)), () -> f + " '" + text + "'");
        assertTrue(v == 0.0, () -> f + " '" + text + "' gave " + v);
      }
      assertEquals(0, f.encode(FloatLiterals.parse("+0", f)));
      assertEquals(0, f.encode(FloatLiterals.parse("0x0p0", f)));
    }
  }

  @Test
  void specialsAndTheirSpellings() {
    NumberFormat e4 = NumberFormat.E4M3FN;
    NumberFormat e5 = NumberFormat.E5M2;
    for (String inf : List.of("inf", "+inf", "Inf", "INFINITY", "infinity", " inf ")) {
      assertEquals(0x7c, e5.encode(FloatLiterals.parse(inf, e5)), inf);
      assertEquals(0x7f, e4.encode(FloatLiterals.parse(inf, e4)), inf);
    }
    for (String inf : List.of("-inf", "-Infinity")) {
      assertEquals(0xfc, e5.encode(FloatLiterals.parse(inf, e5)), inf);
      assertEquals(0xff, e4.encode(FloatLiterals.parse(inf, e4)), inf);
    }
    for (String nan : List.of("nan", "NaN", "+nan")) {
      assertEquals(0x7f, e4.encode(FloatLiterals.parse(nan, e4)), nan);
    }
    assertEquals(0xff, e4.encode(FloatLiterals.parse("-nan", e4)));
    assertEquals(0xfe, e5.encode(FloatLiterals.parse("-NaN", e5)));
    assertEquals(0x80, NumberFormat.E4M3FNUZ.encode(FloatLiterals.parse("-nan", e4)));
    assertEquals(1.5, FloatLiterals.parse(" 1.5\t", e4));
  }

  @Test
  void overflowKeepsItsSignAndSaturationAppliesToLiterals() {
    NumberFormat f = NumberFormat.E4M3FN;
    assertEquals(0x7e, f.encode(FloatLiterals.parse("464", f)));
    assertEquals(0x7f, f.encode(FloatLiterals.parse("464.0001", f)));
    assertEquals(0xff, f.encode(FloatLiterals.parse("-464.0001", f)));
    assertEquals(0xff, f.encode(FloatLiterals.parse("-1e300", f)));
    assertEquals(448.0, FloatLiterals.parse("464.0001", f, Saturation.FINITE));
    assertEquals(-448.0, FloatLiterals.parse("-1e400", f, Saturation.FINITE));
    assertEquals(0x7f, f.encode(FloatLiterals.parse("inf", f, Saturation.FINITE)));
    assertEquals(-448.0, FloatLiterals.parse("-inf", f, Saturation.ALL));
    NumberFormat e5 = NumberFormat.E5M2;
    assertEquals(Double.POSITIVE_INFINITY, FloatLiterals.parse("inf", e5, Saturation.FINITE));
    assertEquals(57344.0, FloatLiterals.parse("inf", e5, Saturation.ALL));
    assertEquals(-57344.0, FloatLiterals.parse("-61440", e5, Saturation.FINITE));
    assertEquals(Double.NEGATIVE_INFINITY, FloatLiterals.parse("-61440", e5));
    assertEquals(
        -Double.MAX_VALUE, FloatLiterals.parse("-1e400", NumberFormat.FLOAT64, Saturation.FINITE));
    assertEquals(Double.POSITIVE_INFINITY, FloatLiterals.parse("0x1p1024", NumberFormat.FLOAT64));
  }

  /**
   * Literals with six-digit exponents round to zero or overflow, and cheaply: hex exponents beyond
   * the formats' reach are clamped before any BigDecimal is built (unclamped, {@code 0x1p-999999}
   * makes 5^999999, about a gigabyte of allocation over the formats). Cheap is checked as a bound
   * on the bytes this thread allocates, which unlike elapsed time does not depend on the machine's
   * load: under 1 MiB per literal for all formats together (with the clamp about 40 KB).
   */
  @Test
  void hugeExponentsAreCheap() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    assumeTrue(threads.isThreadAllocatedMemorySupported(), "no per-thread allocation counter");
    threads.setThreadAllocatedMemoryEnabled(true);
    for (String t :
        List.of("0x1p-999999", "-0x1.8p999999", "1e-999999", "-1e999999", "0x.1p-999990")) {
      // The first pass checks the values and loads whatever classes parsing needs.
      for (NumberFormat f : NumberFormat.values()) {
        double v = FloatLiterals.parse(t, f);
        boolean tiny = t.contains("p-") || t.contains("e-");
        boolean negative = t.startsWith("-");
        double expected =
            tiny
                ? (negative && f.hasNegativeZero() ? -0.0 : 0.0)
                : f.round(negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        assertEquals(f.hex(f.encode(expected)), f.hex(f.encode(v)), () -> f + " " + t);
      }
      long before = threads.getCurrentThreadAllocatedBytes();
      for (NumberFormat f : NumberFormat.values()) {
        FloatLiterals.parse(t, f);
      }
      long bytes = threads.getCurrentThreadAllocatedBytes() - before;
      assertTrue(bytes < 1 << 20, () -> t + " allocated " + bytes + " bytes");
    }
  }

  /** Hex digits of {@code s * 2^e}, with a point {@code point} digits from the end. */
  private static String hexLiteral(BigInteger s, int e, int point) {
    String digits = s.toString(16);
    String mantissa =
        point == 0
            ? digits
            : digits.substring(0, digits.length() - point)
                + "."
                + digits.substring(digits.length() - point);
    return "0x" + mantissa + "p" + (e + 4 * point);
  }
}
