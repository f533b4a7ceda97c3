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
 * (NaNs included), at every value of the format, at every midpoint between neighbours and at the
 * doubles next to it, across the overflow and subnormal boundaries, and on random doubles of every
 * exponent.
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
    if (Double.doubleToRawLongBits(expected) != Double.doubleToRawLongBits(actual)) {
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
