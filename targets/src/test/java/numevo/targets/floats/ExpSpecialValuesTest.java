package numevo.targets.floats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import numevo.dsl.eval.Interpreter;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Program;
import numevo.targets.Baseline;
import org.junit.jupiter.api.Test;

/**
 * The exp target's reference at its special values and thresholds, and the shipped Cody-Waite
 * kernel's results there.
 */
class ExpSpecialValuesTest {
  private static final NumberFormat F32 = NumberFormat.FLOAT32;

  private static double cr(double x) {
    ReferenceColumns c = new ReferenceColumns(1);
    FunctionReference.of(Functions.EXP, F32).evaluator(1).compute(new double[] {x}, 1, c);
    return c.correctlyRounded(0);
  }

  private static double kernel(double x) {
    Program p =
        FloatTargets.exp().baselines().stream()
            .filter(b -> b.name().equals("cody_waite6"))
            .map(Baseline::program)
            .findFirst()
            .orElseThrow();
    return (Double) Interpreter.of(p).eval(x)[0];
  }

  @Test
  void specialInputs() {
    assertEquals(1.0, cr(0.0));
    assertEquals(1.0, cr(-0.0));
    assertEquals(0.0, cr(Double.NEGATIVE_INFINITY));
    assertEquals(Double.POSITIVE_INFINITY, cr(Double.POSITIVE_INFINITY));
    assertTrue(Double.isNaN(cr(Double.NaN)));
  }

  /** The largest float whose e^x is finite, by bisection over codes, checked against BigDecimal. */
  @Test
  void overflowThresholdIsWhereTheExactValueReachesTheRoundingBoundaryOfInfinity() {
    int lo = Float.floatToIntBits(80f);
    int hi = Float.floatToIntBits(100f);
    while (hi - lo > 1) {
      int mid = lo + (hi - lo) / 2;
      if (Double.isFinite(cr(Float.intBitsToFloat(mid)))) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    float last = Float.intBitsToFloat(lo);
    assertEquals(0x1.62e42ep6f, last); // 88.72283
    // 2^128 - 2^103: from there, values round to infinity
    BigDecimal boundary = new BigDecimal(Math.scalb(1.0, 128) - Math.scalb(1.0, 103));
    MathContext mc = new MathContext(40);
    assertTrue(BigMath.exp(new BigDecimal(last), mc).compareTo(boundary) < 0);
    assertTrue(BigMath.exp(new BigDecimal(Math.nextUp(last)), mc).compareTo(boundary) >= 0);
    assertTrue(cr(last) > 3.4e38 && cr(last) <= Float.MAX_VALUE);
  }

  @Test
  void underflowGoesThroughTheSubnormalsToZero() {
    // Where the result leaves the normal range, and where it becomes 0: checked by BigDecimal.
    MathContext mc = new MathContext(40);
    int lo = Float.floatToIntBits(-110f);
    int hi = Float.floatToIntBits(-100f); // negative floats: larger code, smaller value
    while (Math.abs(hi - lo) > 1) {
      int mid = lo + (hi - lo) / 2;
      if (cr(Float.intBitsToFloat(mid)) == 0) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    float firstNonzero = Float.intBitsToFloat(hi);
    assertEquals(Float.MIN_VALUE, (float) cr(firstNonzero));
    BigDecimal half = new BigDecimal(0x1p-150);
    assertTrue(BigMath.exp(new BigDecimal(firstNonzero), mc).compareTo(half) > 0);
    assertTrue(BigMath.exp(new BigDecimal(Float.intBitsToFloat(lo)), mc).compareTo(half) <= 0);
    // a subnormal result on the way: e^-90
    double sub = cr(-90.0);
    assertTrue(sub > 0 && sub < 0x1p-126);
    assertEquals(F32.roundExact(BigMath.exp(new BigDecimal(-90), mc)), sub);
  }

  @Test
  void codyWaiteKernelGetsTheSpecialValuesRight() {
    for (double x :
        new double[] {
          0.0,
          -0.0,
          Double.NEGATIVE_INFINITY,
          Double.POSITIVE_INFINITY,
          0x1.62e42ep6,
          Math.nextUp(0x1.62e42ep6f),
          -200,
          200,
          -104,
          -103.5
        }) {
      assertEquals(cr(x), kernel(x), "x = " + x);
    }
    assertTrue(Double.isNaN(kernel(Double.NaN)));
    double sub = kernel(-90.0);
    assertTrue(Math.abs(sub - cr(-90.0)) <= 0x1p-149, "e^-90 within one subnormal ULP");
  }
}
