package numevo.dsl.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Encoding a double rounds its own value once; it does not go through float32 first. Near every
 * midpoint (of the 16-bit formats, a sample) there are doubles whose float32 rounding lands exactly
 * on the midpoint, where the two paths must differ: the double rounds away from the midpoint, the
 * float ties to even.
 */
class EncodeFromDoubleRoundsOnceTest {

  static Stream<FormatSpec> narrowFormats() {
    return FormatSpec.NARROW.stream();
  }

  @ParameterizedTest
  @MethodSource("narrowFormats")
  void doublesJustOffAMidpointRoundAwayFromItWhereTheirFloatTies(FormatSpec spec) {
    NearestCodeOracle oracle = new NearestCodeOracle(spec);
    NumberFormat f = spec.format();
    List<BigDecimal> midpoints = oracle.midpointsSample();
    int differing = 0;
    for (BigDecimal m : midpoints) {
      double mid = m.doubleValue();
      // A quarter of a float ulp: the float nearest mid ± delta is mid itself.
      double delta = Math.ulp((float) mid) / 4.0;
      double above = mid + delta;
      double below = mid - delta;
      assertEquals((float) mid, (float) above);
      assertEquals((float) mid, (float) below);

      long up = oracle.encode(Exact.of(above), false, Saturation.NONE);
      long down = oracle.encode(Exact.of(below), false, Saturation.NONE);
      long tie = oracle.encode(m, false, Saturation.NONE);
      assertNotEquals(up, down, "the two sides of a midpoint round apart");
      assertEquals(up, f.encode(above), () -> f + " " + Double.toHexString(above));
      assertEquals(down, f.encode(below), () -> f + " " + Double.toHexString(below));
      assertEquals(tie, f.encode((float) above), () -> f + " float of " + above);
      assertEquals(tie, f.encode((float) below), () -> f + " float of " + below);
      if (f.encode(above) != f.encode((float) above)) {
        differing++;
      }
    }
    // Ties go to even, so about half the midpoints round down: there the paths differ.
    assertTrue(differing >= midpoints.size() / 3, f + ": only " + differing + " differ");
  }

  @Test
  void anE4m3fnMidpointAndItsOverflowThresholdFromDoubleAndFromFloat() {
    NumberFormat f = NumberFormat.E4M3FN;
    // 1.0625 is midway between 1 (0x38) and 1.125 (0x39); the tie goes to 0x38.
    double justAbove = 1.0625 + 0x1p-40;
    assertEquals(1.0625f, (float) justAbove);
    assertEquals(0x39, f.encode(justAbove));
    assertEquals(0x38, f.encode((float) justAbove));
    // 464 is midway between 448 and the overflow; the tie goes to 448 (0x7e).
    double overflow = 464 + 0x1p-30;
    assertEquals(464f, (float) overflow);
    assertEquals(0x7f, f.encode(overflow));
    assertEquals(0xff, f.encode(-overflow));
    assertEquals(0x7e, f.encode((float) overflow));
  }

  @Test
  void float16FromDoubleDiffersFromTheJdkPathThroughFloat() {
    // 1 + 2^-11 is midway between 1 and the next float16 (1 + 2^-10); the tie goes to 1.
    double justAbove = 1 + 0x1p-11 + 0x1p-40;
    assertEquals(0x3c00, Float.floatToFloat16((float) justAbove));
    assertEquals(0x3c01, NumberFormat.FLOAT16.encode(justAbove));
  }
}
