package numevo.targets.floats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import numevo.dsl.format.NumberFormat;
import numevo.targets.TargetException;
import org.junit.jupiter.api.Test;

class FloatDomainTest {
  private static final NumberFormat F32 = NumberFormat.FLOAT32;

  @Test
  void zeroToOneHoldsEveryFloatBelowOneAndBothZeros() {
    FloatDomain d = FloatDomain.of(F32, List.of(Interval.closedOpen(0, 1)));
    assertEquals(0x3F80_0000L + 1, d.size());
    assertTrue(d.contains(-0.0));
    assertTrue(d.contains(Math.nextDown(1f)));
    assertFalse(d.contains(1.0));
    assertFalse(d.contains(-Float.MIN_VALUE));
  }

  @Test
  void openLowerEndExcludesBothZeros() {
    FloatDomain d = FloatDomain.of(F32, List.of(Interval.openClosed(0, 1)));
    assertEquals(0x3F80_0000L, d.size());
    assertFalse(d.contains(0.0));
    assertFalse(d.contains(-0.0));
    assertTrue(d.contains(1.0));
  }

  @Test
  void everyCodeIsTwoToThe32() {
    FloatDomain d = FloatDomain.all(F32);
    assertEquals(1L << 32, d.size());
    assertTrue(d.contains(Double.NaN));
    assertTrue(d.enumerable());
    assertThrows(TargetException.class, () -> FloatDomain.all(NumberFormat.FLOAT64));
  }

  @Test
  void fillWalksAcrossTheSignAndMatchesValueAt() {
    FloatDomain d = FloatDomain.of(F32, List.of(Interval.closed(-0x1p-148, 0x1p-148)));
    // -2, -1 subnormal units, -0, +0, +1, +2
    assertEquals(6, d.size());
    double[] x = new double[6];
    d.fill(0, x, 6);
    for (int i = 0; i < 6; i++) {
      assertEquals(Double.doubleToRawLongBits(d.valueAt(i)), Double.doubleToRawLongBits(x[i]));
      assertTrue(d.contains(x[i]));
    }
    double[] part = new double[3];
    d.fill(2, part, 3);
    assertEquals(x[2], part[0]);
    assertEquals(x[4], part[2]);
  }

  @Test
  void unionsMergeAndEmptyDomainsAreRejected() {
    FloatDomain d =
        FloatDomain.of(F32, List.of(Interval.closedOpen(1, 2), Interval.closedOpen(1.5, 4)));
    assertEquals(2L << 23, d.size());
    assertThrows(
        TargetException.class,
        () -> FloatDomain.of(F32, List.of(new Interval(1, false, Math.nextUp(1f), false))));
  }

  @Test
  void float64DomainsAreSampledNotEnumerated() {
    FloatDomain d = FloatDomain.of(NumberFormat.FLOAT64, List.of(Interval.openClosed(0, 1)));
    assertEquals(0x3FF0_0000_0000_0000L, d.size());
    assertFalse(d.enumerable());
    assertEquals(1.0, d.valueAt(d.size() - 1));
    assertEquals(Double.MIN_VALUE, d.valueAt(0));
  }
}
