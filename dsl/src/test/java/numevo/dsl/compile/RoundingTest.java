package numevo.dsl.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import numevo.dsl.format.NumberFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Rounding} gives what {@link NumberFormat#round(double)} gives, the same double bit for bit
 * (for NaN: a NaN of the same sign), at every value of the format, at every midpoint between
 * neighbours and at the doubles and floats next to it, across the overflow and subnormal
 * boundaries, and on random doubles and floats of every exponent; from doubles and from floats.
 */
class RoundingTest {

  static Stream<NumberFormat> narrowFormats() {
    return Stream.of(NumberFormat.values()).filter(f -> Rounding.methodName(f) != null);
  }

  private static DoubleUnaryOperator rounding(NumberFormat f) {
    return switch (f) {
      case FLOAT16 -> Rounding::float16;
      case BFLOAT16 -> Rounding::bfloat16;
      case E4M3FN -> Rounding::e4m3fn;
      case E5M2 -> Rounding::e5m2;
      case E4M3FNUZ -> Rounding::e4m3fnuz;
      case E5M2FNUZ -> Rounding::e5m2fnuz;
      default -> throw new IllegalArgumentException(f.toString());
    };
  }

  /** The float methods, widened. */
  private static DoubleUnaryOperator floatRounding(NumberFormat f) {
    return switch (f) {
      case FLOAT16 -> x -> Rounding.float16((float) x);
      case BFLOAT16 -> x -> Rounding.bfloat16((float) x);
      case E4M3FN -> x -> Rounding.e4m3fn((float) x);
      case E5M2 -> x -> Rounding.e5m2((float) x);
      case E4M3FNUZ -> x -> Rounding.e4m3fnuz((float) x);
      case E5M2FNUZ -> x -> Rounding.e5m2fnuz((float) x);
      default -> throw new IllegalArgumentException(f.toString());
    };
  }

  /**
   * The float methods at every value of the format and every midpoint, and the 4 floats either side
   * of each (where a rounding on float bits would go wrong first), and at the float specials.
   */
  @ParameterizedTest
  @MethodSource("narrowFormats")
  void floatMethodsAgreeAtValuesMidpointsAndNeighbouringFloats(NumberFormat f) {
    DoubleUnaryOperator r = floatRounding(f);
    int codes = 1 << f.bits();
    for (int c = 0; c < codes; c++) {
      double v = f.decode(c);
      double next = f.decode(c + 1L);
      checkFloatsAround(f, r, (float) v);
      if (c + 1 < codes && Double.isFinite(v) && Double.isFinite(next) && v < next) {
        double mid = v + (next - v) / 2;
        assertEquals(mid, (double) (float) mid, "midpoints are floats");
        checkFloatsAround(f, r, (float) mid);
      }
    }
    for (float x :
        new float[] {
          Float.MAX_VALUE,
          Float.POSITIVE_INFINITY,
          Float.NaN,
          Float.intBitsToFloat(0x7f800001), // NaNs whose code a carry would turn into Inf or -0
          Float.intBitsToFloat(0x7fffffff),
          Float.intBitsToFloat(0x7fbfffff),
          Float.MIN_VALUE,
          Float.MIN_NORMAL,
          0f
        }) {
      checkFloatsAround(f, r, x);
      checkFloatsAround(f, r, -x);
    }
  }

  @ParameterizedTest
  @MethodSource("narrowFormats")
  void floatMethodsAgreeOnRandomFloats(NumberFormat f) {
    DoubleUnaryOperator r = floatRounding(f);
    Random rnd = new Random(100 + f.ordinal());
    for (int i = 0; i < 200_000; i++) {
      check(f, r, Float.intBitsToFloat(rnd.nextInt()));
      float x =
          (float)
              Math.scalb(
                  rnd.nextDouble(), rnd.nextInt(2 * f.bias() + 8) - f.bias() - f.mantissaBits());
      check(f, r, rnd.nextBoolean() ? x : -x);
    }
  }

  /**
   * {@link Rounding#toFloatOdd} is rounding to odd: the float itself where exact, else the odd one
   * of the two floats around x.
   */
  @ParameterizedTest
  @MethodSource("narrowFormats")
  void toFloatOddRoundsToOdd(NumberFormat unused) {
    Random rnd = new Random(7 + unused.ordinal());
    for (int i = 0; i < 100_000; i++) {
      double x = Double.longBitsToDouble(rnd.nextLong());
      if (i % 2 == 0) {
        x = Math.scalb(rnd.nextDouble() - 0.5, rnd.nextInt(300) - 160);
      }
      float o = Rounding.toFloatOdd(x);
      if (Double.isNaN(x)) {
        assertEquals(true, Float.isNaN(o));
        continue;
      }
      float n = (float) x;
      if ((double) n == x) {
        assertEquals(Float.floatToRawIntBits(n), Float.floatToRawIntBits(o), "exact " + x);
        continue;
      }
      float lo = (double) n < x ? n : Math.nextDown(n);
      float hi = (double) n > x ? n : Math.nextUp(n);
      if (Float.isInfinite(n)) {
        lo = Math.copySign(Float.MAX_VALUE, n);
        hi = lo;
      }
      float odd = (Float.floatToRawIntBits(lo) & 1) != 0 ? lo : hi;
      assertEquals(
          Float.floatToRawIntBits(odd),
          Float.floatToRawIntBits(o),
          "odd rounding of " + Double.toHexString(x));
    }
  }

  private static void checkFloatsAround(NumberFormat f, DoubleUnaryOperator r, float x) {
    float lo = x;
    float hi = x;
    check(f, r, x);
    for (int k = 0; k < 4; k++) {
      lo = Math.nextDown(lo);
      hi = Math.nextUp(hi);
      check(f, r, lo);
      check(f, r, hi);
    }
  }

  @ParameterizedTest
  @MethodSource("narrowFormats")
  void agreesWithNumberFormatAtValuesMidpointsAndNeighbours(NumberFormat f) {
    DoubleUnaryOperator r = rounding(f);
    int codes = 1 << f.bits();
    int checked = 0;
    for (int c = 0; c < codes; c++) {
      double v = f.decode(c);
      double next = f.decode(c + 1L);
      check(f, r, v);
      check(f, r, Math.nextUp(v));
      check(f, r, Math.nextDown(v));
      if (c + 1 < codes && Double.isFinite(v) && Double.isFinite(next) && v < next) {
        double mid = v + (next - v) / 2; // exact: the midpoint has one more bit
        check(f, r, mid);
        check(f, r, Math.nextUp(mid));
        check(f, r, Math.nextDown(mid));
        check(f, r, -mid);
        checked++;
      }
    }
    double top = f.maxFinite() + Math.scalb(Math.ulp(f.maxFinite()), 52 - f.mantissaBits()) / 2;
    for (double x :
        new double[] {
          top,
          Math.nextUp(top),
          Math.nextDown(top),
          2 * f.maxFinite(),
          Double.MAX_VALUE,
          Double.POSITIVE_INFINITY,
          Double.NaN,
          0.0,
          Double.MIN_VALUE,
          f.minSubnormal() / 2,
          Math.nextUp(f.minSubnormal() / 2),
          f.minSubnormal() * 1.5,
          f.minNormal() - f.minSubnormal() / 2,
          Float.MIN_VALUE,
          Float.MIN_NORMAL
        }) {
      check(f, r, x);
      check(f, r, -x);
    }
    assertEquals(true, checked > codes / 3, "midpoints checked: " + checked);
  }

  @ParameterizedTest
  @MethodSource("narrowFormats")
  void agreesWithNumberFormatOnRandomDoubles(NumberFormat f) {
    DoubleUnaryOperator r = rounding(f);
    Random rnd = new Random(f.ordinal());
    for (int i = 0; i < 200_000; i++) {
      check(f, r, Double.longBitsToDouble(rnd.nextLong()));
      // Doubles near the format's range, where rounding happens.
      double x =
          Math.scalb(rnd.nextDouble(), rnd.nextInt(2 * f.bias() + 8) - f.bias() - f.mantissaBits());
      check(f, r, rnd.nextBoolean() ? x : -x);
    }
  }

  private static void check(NumberFormat f, DoubleUnaryOperator r, double x) {
    double expected = f.round(x);
    double actual = r.applyAsDouble(x);
    boolean same =
        Double.isNaN(expected)
            ? Double.isNaN(actual)
                && (Double.doubleToRawLongBits(expected) < 0)
                    == (Double.doubleToRawLongBits(actual) < 0)
            : Double.doubleToRawLongBits(expected) == Double.doubleToRawLongBits(actual);
    if (!same) {
      fail(
          f
              + ": round("
              + Double.toHexString(x)
              + ") = "
              + Long.toHexString(Double.doubleToRawLongBits(expected))
              + ", got "
              + Long.toHexString(Double.doubleToRawLongBits(actual)));
    }
  }
}
