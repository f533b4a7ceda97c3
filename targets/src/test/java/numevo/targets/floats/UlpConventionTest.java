package numevo.targets.floats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import numevo.dsl.format.NumberFormat;
import org.junit.jupiter.api.Test;

/**
 * The ULP convention on hand-made cases, both as {@link Ulp#error} states it and as the error loop
 * of {@link ErrorStats} computes it from reference columns.
 */
class UlpConventionTest {
  private static final NumberFormat F32 = NumberFormat.FLOAT32;
  private static final double INF = Double.POSITIVE_INFINITY;

  /** The ULP error the loop computes for one point with exact value hi + lo. */
  private static double loop(double result, double hi, double lo) {
    Rounder r = new Rounder(F32);
    if (!r.decide(hi, lo, 0)) {
      throw new AssertionError("undecided");
    }
    ReferenceColumns c = new ReferenceColumns(1);
    c.set(0, hi, lo, r.rounded(), r.ulpExponent());
    ErrorStats s = new ErrorStats();
    s.add(new double[] {0}, new double[] {result}, c, 1, 0);
    return s.maxUlp();
  }

  private static double loopExact(double result, double exact) {
    Rounder r = new Rounder(F32);
    r.exact(exact);
    ReferenceColumns c = new ReferenceColumns(1);
    c.set(0, exact, 0, r.rounded(), r.ulpExponent());
    ErrorStats s = new ErrorStats();
    s.add(new double[] {0}, new double[] {result}, c, 1, 0);
    return s.maxUlp();
  }

  @Test
  void exactResultsHaveNoError() {
    assertEquals(0, loopExact(1.0, 1.0));
    assertEquals(0, loopExact(0x1p-149, 0x1p-149));
    assertEquals(0, Ulp.error(1.5, 1.5, 1.5, F32));
  }

  @Test
  void oneFloatAwayInOneTwoIsOneUlpOfTwoToMinus23() {
    double y = Math.nextUp(1.5f);
    assertEquals(1.0, loopExact(y, 1.5));
    assertEquals(1.0, Ulp.error(y, 1.5, 1.5, F32));
    // A quarter ULP above 1.5: the correctly rounded 1.5 is 0.25 ULP away.
    assertEquals(0.25, loop(1.5, 1.5 + 0x1p-25, 0));
  }

  @Test
  void theBinadeIsThatOfTheExactValueNotOfItsRounding() {
    // exact = 1 - 2^-40 rounds to 1.0, but lies in [1/2, 1) where the ULP is 2^-24.
    assertEquals(0x1p-24, Ulp.of(1 - 0x1p-40, F32));
    double below = Math.nextDown(1f); // 1 - 2^-24
    assertEquals(1 - 0x1p-16, loop(below, 1.0, -0x1p-40), 1e-12);
    assertEquals(0x1p-16, loop(1.0, 1.0, -0x1p-40), 1e-12);
  }

  @Test
  void subnormalResultsUseTheSmallestSubnormalAsUlp() {
    assertEquals(0x1p-149, Ulp.of(3e-45, F32));
    assertEquals(0x1p-149, Ulp.of(0, F32));
    assertEquals(2.0, loopExact(3 * 0x1p-149, 0x1p-149));
    // exact 2^-151 rounds to 0; returning the smallest subnormal is 0.75 ULP off.
    assertEquals(0.75, loop(0x1p-149, 0x1p-151, 0));
  }

  @Test
  void aResultOfTheOppositeSignIsOffByTheSumOfMagnitudes() {
    assertEquals(0x1p23 + 0x1p23, loopExact(-1.0, 1.0));
    assertEquals(4.0, loopExact(-2 * 0x1p-149, 2 * 0x1p-149));
  }

  @Test
  void nanOrInfinityWhereTheExactIsFiniteIsInfinitelyWrong() {
    assertEquals(INF, loopExact(Double.NaN, 1.0));
    assertEquals(INF, loopExact(INF, 1.0));
    assertEquals(INF, Ulp.error(Double.NaN, 1.0, 1.0, F32));
  }

  @Test
  void theCorrectSpecialValueIsExact() {
    assertEquals(0, loopExact(Double.NaN, Double.NaN));
    assertEquals(0, loopExact(INF, INF));
    // e^100 overflows float32: +inf is the correctly rounded result, the largest float is not.
    double big = Math.exp(100);
    assertEquals(0, loopExact(INF, big));
    assertEquals(
        (big - Float.MAX_VALUE) / Math.scalb(1.0, 144 - 23),
        loopExact(Float.MAX_VALUE, big),
        1e-6 * big);
    assertEquals(INF, loopExact(1.0, Double.NaN));
    assertEquals(INF, loopExact(Double.NaN, INF));
  }

  @Test
  void infiniteErrorsAreCountedAndMakeTheMeanInfinite() {
    Rounder r = new Rounder(F32);
    ReferenceColumns c = new ReferenceColumns(3);
    for (int i = 0; i < 3; i++) {
      r.exact(1.0);
      c.set(i, 1.0, 0, r.rounded(), r.ulpExponent());
    }
    ErrorStats s = new ErrorStats();
    s.add(new double[] {1, 2, 3}, new double[] {1.0, Double.NaN, Math.nextUp(1f)}, c, 3, 10);
    assertEquals(INF, s.maxUlp());
    assertEquals(INF, s.meanUlp());
    assertEquals(1, s.infiniteUlp());
    assertEquals(1, s.correctlyRounded());
    assertEquals(2.0, s.worstUlpInput());
  }
}
