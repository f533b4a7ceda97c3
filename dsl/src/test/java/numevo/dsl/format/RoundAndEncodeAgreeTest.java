package numevo.dsl.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * {@link NumberFormat#round} and {@link NumberFormat#encode} describe the same rounding: the
 * rounded value encodes to the same code (so a NaN from overflow keeps its sign where the format's
 * NaNs are signed), and decoding the code gives the rounded value back.
 */
class RoundAndEncodeAgreeTest {

  @Property(tries = 1000, seed = "17")
  void encodingTheRoundedValueGivesTheSameCode(@ForAll long bits) {
    double x = Double.longBitsToDouble(bits);
    for (NumberFormat f : NumberFormat.values()) {
      for (Saturation s : Saturation.values()) {
        assertEquals(
            f.hex(f.encode(x, s)),
            f.hex(f.encode(f.round(x, s), s)),
            () -> f + " " + s + " " + Double.toHexString(x));
      }
    }
  }

  /** Doubles near each format's range, where overflow and underflow happen. */
  @Property(tries = 1000, seed = "18")
  void encodingTheRoundedValueGivesTheSameCodeNearTheRange(
      @ForAll double fraction, @ForAll int exponent, @ForAll boolean negative) {
    for (NumberFormat f : NumberFormat.values()) {
      int span = Math.getExponent(f.maxFinite()) - Math.getExponent(f.minSubnormal()) + 8;
      int e = Math.getExponent(f.minSubnormal()) - 4 + Math.floorMod(exponent, span);
      double x = Math.scalb(1 + Math.abs(fraction % 1), e) * (negative ? -1 : 1);
      assertEquals(
          f.hex(f.encode(x)), f.hex(f.encode(f.round(x))), () -> f + " " + Double.toHexString(x));
      double decoded = f.decode(f.encode(x));
      if (!Double.isNaN(decoded)) {
        assertEquals(
            Double.doubleToRawLongBits(decoded),
            Double.doubleToRawLongBits(f.round(x)),
            () -> f + " " + Double.toHexString(x));
      }
    }
  }
}
