package numevo.hashing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class FloatFormatTest {
  private static final FloatFormat F32 = FloatFormat.FLOAT32;

  @Test
  void float32HasInfinityAndNegativeZero() {
    assertTrue(F32.hasInfinity());
    assertTrue(F32.hasNegativeZero());
    assertEquals(0x7fc0_0000L, F32.canonicalNaN());
    assertEquals(F32.canonicalNaN(), F32.code(Float.intBitsToFloat(0xff80_0001)));
    assertEquals(0x8000_0000L, F32.code(-0.0));
    assertEquals(0x3f80_0000L, F32.code(1.0));
  }

  @Test
  void theFlagsAreReadOffTheRounding() {
    FloatFormat f = ProbeSetTest.NO_INF_NO_NEG_ZERO;
    assertFalse(f.hasInfinity());
    assertFalse(f.hasNegativeZero());
    assertFalse(f.isValue(-0.0));
    assertFalse(f.isValue(Double.POSITIVE_INFINITY));
    // Without -0 the largest value at or below -0 is the negative smallest subnormal.
    assertEquals(-Float.MIN_VALUE, f.floor(-0.0));
    assertEquals(0.0, f.ceil(-0.0));
  }

  @Test
  void equalityIsByNameAndLimits() {
    FloatFormat copy =
        FloatFormat.of(
            "float32",
            x -> (float) x,
            v -> 0,
            F32.minSubnormal(),
            F32.minNormal(),
            F32.maxFinite());
    assertEquals(F32, copy);
    assertEquals(F32.hashCode(), copy.hashCode());
    assertNotEquals(F32, FloatFormat.FLOAT64);
  }

  @Test
  void inconsistentDescriptionsAreRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> FloatFormat.of(" ", x -> x, Double::doubleToLongBits, 1e-3, 1e-2, 1.0));
    assertThrows(
        IllegalArgumentException.class,
        () -> FloatFormat.of("bad", x -> x, Double::doubleToLongBits, 1e-2, 1e-3, 1.0));
    // 0.1 is not a float32 value.
    assertThrows(
        IllegalArgumentException.class,
        () ->
            FloatFormat.of("bad", x -> (float) x, v -> 0, Float.MIN_VALUE, Float.MIN_NORMAL, 0.1));
    assertThrows(IllegalArgumentException.class, () -> F32.ceil(Double.NaN));
  }

  @Test
  void neighboursBeyondTheRangeAreNaN() {
    assertTrue(Double.isNaN(F32.ceil(Double.MAX_VALUE)));
    assertTrue(Double.isNaN(F32.floor(-Double.MAX_VALUE)));
    assertEquals(-Float.MAX_VALUE, F32.ceil(Double.NEGATIVE_INFINITY));
    assertEquals(Float.MAX_VALUE, F32.floor(Double.POSITIVE_INFINITY));
  }

  @Property(tries = 2000, seed = "1600")
  void ceilAndFloorAgreeWithFloatNeighbours(@ForAll double x) {
    if (Double.isNaN(x) || Math.abs(x) > Float.MAX_VALUE) {
      return;
    }
    float r = (float) x;
    float up = Double.compare(r, x) < 0 ? Math.nextUp(r) : r;
    float down = Double.compare(r, x) > 0 ? Math.nextDown(r) : r;
    assertEquals(Double.doubleToRawLongBits(up), Double.doubleToRawLongBits(F32.ceil(x)));
    assertEquals(Double.doubleToRawLongBits(down), Double.doubleToRawLongBits(F32.floor(x)));
  }

  @Property(tries = 500, seed = "1601")
  void ceilAndFloorOfAFloatAreItself(@ForAll float v) {
    if (Float.isNaN(v) || Float.isInfinite(v)) {
      return;
    }
    assertEquals(Double.doubleToRawLongBits(v), Double.doubleToRawLongBits(F32.ceil(v)));
    assertEquals(Double.doubleToRawLongBits(v), Double.doubleToRawLongBits(F32.floor(v)));
  }
}
