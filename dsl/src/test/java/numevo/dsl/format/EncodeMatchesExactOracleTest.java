package numevo.dsl.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link NumberFormat#encode} agrees with {@link NearestCodeOracle} (nearest value in exact
 * arithmetic, ties to even, ml_dtypes' overflow rule) under every {@link Saturation}, from doubles
 * and from floats, on the boundary cases of formats.md and on a seeded random sample. Run for the
 * FP8 formats and, since the oracle is generic, for float16 and bfloat16 too.
 */
class EncodeMatchesExactOracleTest {
  private static final int RANDOM_DOUBLES = 50_000;

  static Stream<FormatSpec> fp8Formats() {
    return FormatSpec.FP8.stream();
  }

  static Stream<FormatSpec> narrowFormats() {
    return FormatSpec.NARROW.stream();
  }

  /**
   * Each midpoint between neighbouring values (the last one the overflow threshold), the doubles
   * and the floats just above and below it, and each value with its neighbouring doubles; for the
   * 16-bit formats a sample of them (see {@link NearestCodeOracle#sampleIndexes()}).
   */
  @ParameterizedTest
  @MethodSource("narrowFormats")
  void agreesAroundEveryMidpointAndValue(FormatSpec spec) {
    NearestCodeOracle oracle = new NearestCodeOracle(spec);
    List<Double> cases = new ArrayList<>();
    for (BigDecimal m : oracle.midpointsSample()) {
      double mid = m.doubleValue();
      assertEquals(0, m.compareTo(Exact.of(mid)), "midpoints are doubles");
      float midF = (float) mid;
      cases.addAll(
          List.of(
              mid,
              Math.nextUp(mid),
              Math.nextDown(mid),
              (double) Math.nextUp(midF),
              (double) Math.nextDown(midF)));
    }
    for (int code : oracle.sampleIndexes()) {
      double v = spec.value(code).doubleValue();
      cases.addAll(List.of(v, Math.nextUp(v), Math.nextDown(v)));
    }
    checkAll(oracle, cases);
  }

  @ParameterizedTest
  @MethodSource("narrowFormats")
  void agreesOnZerosInfinitiesNaNsAndExtremes(FormatSpec spec) {
    NearestCodeOracle oracle = new NearestCodeOracle(spec);
    double max = oracle.maxFinite().doubleValue();
    double threshold = oracle.midpoints().getLast().doubleValue();
    double minSubnormal = spec.value(1).doubleValue();
    double minNormal = spec.value(1 << spec.mantissaBits()).doubleValue();
    List<Double> cases =
        new ArrayList<>(
            List.of(
                0.0,
                max,
                Math.nextUp(max),
                threshold,
                Math.nextUp(threshold), // the first value that overflows (or the tie, if it does)
                2 * max,
                (double) Float.MAX_VALUE,
                Double.MAX_VALUE,
                minSubnormal,
                minSubnormal / 2, // ties to zero
                Math.nextUp(minSubnormal / 2),
                Math.nextDown(minSubnormal / 2),
                minSubnormal / 4,
                minNormal,
                Math.nextDown(minNormal),
                minNormal - minSubnormal, // the largest subnormal
                minNormal - minSubnormal / 2, // ties to the smallest normal (even)
                Double.MIN_VALUE,
                Double.MIN_NORMAL,
                (double) Float.MIN_VALUE,
                (double) Float.MIN_NORMAL,
                (double) Math.nextDown(Float.MIN_NORMAL),
                Double.POSITIVE_INFINITY,
                Double.NaN,
                Double.longBitsToDouble(0x7ff0_0000_0000_0001L), // signalling, smallest payload
                Double.longBitsToDouble(0x7fff_ffff_ffff_ffffL),
                Double.longBitsToDouble(0x7ff8_0000_0000_1234L),
                (double) Float.intBitsToFloat(0x7fa0_0000)));
    Random random = new Random(7);
    for (int i = 0; i < 1000; i++) {
      cases.add((double) Float.intBitsToFloat(random.nextInt(1 << 23))); // float32 subnormals
    }
    checkAll(oracle, cases);
  }

  /**
   * Doubles with a random sign, an exponent anywhere from well below the smallest subnormal to
   * above the largest finite value, and a random 52-bit fraction; and the floats nearest them.
   */
  @ParameterizedTest
  @MethodSource("fp8Formats")
  void agreesOnRandomDoublesOverTheRange(FormatSpec spec) {
    NearestCodeOracle oracle = new NearestCodeOracle(spec);
    int minExponent = Math.getExponent(spec.value(1).doubleValue()) - 3;
    int maxExponent = Math.getExponent(oracle.maxFinite().doubleValue()) + 2;
    Random random = new Random(spec.format().ordinal() * 1_000_003L + 11);
    List<Double> cases = new ArrayList<>();
    for (int i = 0; i < RANDOM_DOUBLES; i++) {
      int e = minExponent + random.nextInt(maxExponent - minExponent + 1);
      long fraction = random.nextLong() & ((1L << 52) - 1);
      long sign = random.nextBoolean() ? 1L << 63 : 0;
      cases.add(Double.longBitsToDouble(sign | ((long) (e + 1023) << 52) | fraction));
    }
    checkAll(oracle, cases);
  }

  /**
   * Checks each case with both signs under every saturation, from the double and from the float
   * nearest it.
   */
  private static void checkAll(NearestCodeOracle oracle, List<Double> cases) {
    NumberFormat f = oracle.spec().format();
    for (double c : cases) {
      // The nearest magnitude is the same for both signs and every saturation: find it once.
      int index = Double.isFinite(c) ? oracle.nearestIndex(Math.abs(c)) : -1;
      for (double x : new double[] {c, -c}) {
        boolean negative = Double.doubleToRawLongBits(x) < 0;
        for (Saturation s : Saturation.values()) {
          long expected = index < 0 ? oracle.encode(x, s) : oracle.code(index, negative, s);
          long actual = f.encode(x, s);
          if (expected != actual) {
            fail(f + " " + s + " from double " + Double.toHexString(x) + diff(f, expected, actual));
          }
        }
        float xf = (float) x;
        long expected = oracle.encode(xf, Saturation.NONE);
        long actual = f.encode(xf);
        if (expected != actual) {
          fail(f + " from float " + Float.toHexString(xf) + diff(f, expected, actual));
        }
      }
    }
  }

  private static String diff(NumberFormat f, long expected, long actual) {
    return ": expected " + f.hex(expected) + ", encode gave " + f.hex(actual);
  }
}
