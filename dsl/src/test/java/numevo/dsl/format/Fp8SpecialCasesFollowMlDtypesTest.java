package numevo.dsl.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The worked examples and special-value rules of formats.md (ml_dtypes v0.6.0, {@code float8.h}),
 * code by code.
 */
class Fp8SpecialCasesFollowMlDtypesTest {
  private static final double NEGATIVE_NAN = Double.longBitsToDouble(0xfff8_0000_0000_0000L);

  @Test
  void e4m3fnTieAtTheTopRoundsDownAndAnythingAboveIsNaNWithItsSign() {
    NumberFormat f = NumberFormat.E4M3FN;
    assertEquals(0x7e, f.encode(464.0));
    assertEquals(0x7e, f.encode(464.0f));
    assertEquals(0x7f, f.encode(464.0001));
    assertEquals(0x7f, f.encode(464.0001f));
    assertEquals(0xfe, f.encode(-464.0));
    assertEquals(0xff, f.encode(-464.0001));
  }

  @Test
  void nanKeepsItsSignInE4m3fnAndE5m2AndIsQuiet() {
    assertEquals(0x7f, NumberFormat.E4M3FN.encode(Double.NaN));
    assertEquals(0xff, NumberFormat.E4M3FN.encode(NEGATIVE_NAN));
    assertEquals(0x7e, NumberFormat.E5M2.encode(Double.NaN));
    assertEquals(0xfe, NumberFormat.E5M2.encode(NEGATIVE_NAN));
    assertEquals(0xfe, NumberFormat.E5M2.encode((float) NEGATIVE_NAN));
    assertEquals(0x7e, NumberFormat.E5M2.encode(Double.longBitsToDouble(0x7ff0_0000_0000_0001L)));
  }

  @Test
  void infinityIsE5m2InfAndNaNWhereThereIsNoInf() {
    double inf = Double.POSITIVE_INFINITY;
    assertEquals(0x7c, NumberFormat.E5M2.encode(inf));
    assertEquals(0xfc, NumberFormat.E5M2.encode(-inf));
    assertEquals(0x7f, NumberFormat.E4M3FN.encode(inf));
    assertEquals(0xff, NumberFormat.E4M3FN.encode(-inf));
    assertEquals(0x80, NumberFormat.E4M3FNUZ.encode(inf));
    assertEquals(0x80, NumberFormat.E5M2FNUZ.encode(-inf));
  }

  @Test
  void e5m2OverflowIsInfWithItsSign() {
    NumberFormat f = NumberFormat.E5M2;
    assertEquals(0x7b, f.encode(61440.0 - 1)); // below the threshold midway to 2^16
    assertEquals(0x7c, f.encode(61440.0)); // the tie goes to even, 2^16: Inf
    assertEquals(0xfc, f.encode(-61440.0));
  }

  @Test
  void fnuzFormatsHaveOneNaNAndNoNegativeZero() {
    for (NumberFormat f : new NumberFormat[] {NumberFormat.E4M3FNUZ, NumberFormat.E5M2FNUZ}) {
      assertEquals(0x80, f.encode(Double.NaN));
      assertEquals(0x80, f.encode(NEGATIVE_NAN));
      assertEquals(0x00, f.encode(-0.0));
      assertEquals(0x00, f.encode(-f.minSubnormal() / 4)); // rounds to zero: no sign
      assertEquals(0x80 | 0x01, f.encode(-f.minSubnormal()));
      assertEquals(0x80, f.encode(1e6)); // overflow is NaN
      assertEquals(0x80, f.encode(-1e6));
    }
    assertEquals(0x7f, NumberFormat.E4M3FNUZ.encode(240.0));
    assertEquals(0x7f, NumberFormat.E4M3FNUZ.encode(247.9)); // below the threshold, 248
    assertEquals(0x80, NumberFormat.E4M3FNUZ.encode(248.0)); // the tie goes to even, 256
  }

  @Test
  void signedZerosKeepTheirSignInE4m3fnAndE5m2() {
    assertEquals(0x80, NumberFormat.E4M3FN.encode(-0.0));
    assertEquals(0x80, NumberFormat.E5M2.encode(-0.0));
    assertEquals(0x80, NumberFormat.E4M3FN.encode(-0x1p-11)); // rounds to -0
    assertEquals(0x00, NumberFormat.E4M3FN.encode(0x1p-10)); // half the smallest: tie to 0
    assertEquals(0x01, NumberFormat.E4M3FN.encode(Math.nextUp(0x1p-10)));
  }

  @Test
  void roundingCarriesIntoTheExponent() {
    // 1.9375 is midway between 1.875 (0x3f) and 2 (0x40): the tie goes to the even 0x40.
    assertEquals(0x40, NumberFormat.E4M3FN.encode(1.9375));
    // Midway between the largest subnormal 7/512 (0x07) and the smallest normal 1/64 (0x08).
    assertEquals(0x08, NumberFormat.E4M3FN.encode(15.0 / 1024));
  }
}
