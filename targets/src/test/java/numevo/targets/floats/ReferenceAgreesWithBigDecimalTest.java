package numevo.targets.floats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import numevo.dsl.format.NumberFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The float32 reference (float64 libm with an error bound, exact fallback) against an independent
 * computation: each function's BigDecimal value at 60 digits, rounded once. Compared on random
 * codes across the whole float range and on the edges of the functions. With a huge error bound the
 * fallback decides most points; it must agree too, and it must have run.
 */
class ReferenceAgreesWithBigDecimalTest {
  private static final NumberFormat F32 = NumberFormat.FLOAT32;
  private static final MathContext MC = new MathContext(60);

  private static List<Double> inputs(Functions f, int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<Double> xs = new ArrayList<>();
    for (double v :
        new double[] {
          1e-30,
          1e-8,
          0.5,
          1,
          2,
          3,
          10,
          88.72283,
          88.72284,
          -87.33654,
          -103.27893,
          -103.97208,
          0x1p-126,
          Float.MAX_VALUE,
          Math.nextDown(1f),
          Math.nextUp(1f)
        }) {
      xs.add((double) (float) v);
      xs.add((double) (float) -v);
    }
    while (xs.size() < n) {
      float x = Float.intBitsToFloat(rng.nextInt());
      if (Float.isFinite(x) && x != 0) {
        // the range where the function's float32 result is neither 0, 1 nor inf matters most
        float scaled = f == Functions.LOG2 || f == Functions.RSQRT ? x : x % 120f;
        xs.add((double) scaled);
      }
    }
    return xs;
  }

  /** The independent answer: 60-digit BigDecimal, rounded once; null if not finite nonzero. */
  private static Double independent(Functions f, double x) {
    if (f == Functions.LOG2 || f == Functions.RSQRT) {
      if (!(x > 0)) {
        return null;
      }
    }
    if (Math.abs(x) > 200 && f != Functions.LOG2 && f != Functions.RSQRT) {
      // far beyond float32's range of results: BigDecimal's exponent would overflow
      return x > 0 ? (f == Functions.SIGMOID ? 1.0 : Double.POSITIVE_INFINITY) : 0.0;
    }
    BigDecimal v = f.exact(x, MC);
    if (v.signum() == 0) {
      return null;
    }
    return F32.roundExact(v);
  }

  private static void check(Functions f, FunctionReference ref, List<Double> xs) {
    double[] x = xs.stream().mapToDouble(Double::doubleValue).toArray();
    ReferenceColumns c = new ReferenceColumns(x.length);
    FloatReference.Evaluator ev = ref.evaluator(x.length);
    ev.compute(x, x.length, c);
    for (int i = 0; i < x.length; i++) {
      Double want = independent(f, x[i]);
      if (want == null || (f == Functions.EXP2 || f == Functions.EXP) && x[i] == Math.rint(x[i])) {
        continue;
      }
      assertEquals(want, c.correctlyRounded(i), f + " at x = " + Float.toHexString((float) x[i]));
      if (Double.isFinite(want) && Math.abs(x[i]) <= 200) {
        BigDecimal v = f.exact(x[i], MC);
        int binade = Math.max(BigMath.exponent(v), -126);
        assertEquals(Math.scalb(1.0, binade - 23), c.ulp(i), f + " ulp at " + x[i]);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = Functions.class,
      names = {"EXP", "EXP2", "LOG2", "RSQRT", "SIGMOID"})
  void referenceEqualsIndependentRoundingOfBigDecimal(Functions f) {
    check(f, FunctionReference.of(f, F32), inputs(f, 1500, 42));
  }

  @ParameterizedTest
  @EnumSource(
      value = Functions.class,
      names = {"EXP", "EXP2", "LOG2", "RSQRT", "SIGMOID"})
  void exactFallbackTriggersAndAgrees(Functions f) {
    // An error bound 2^40 times too wide leaves most points undecided by the fast path.
    FunctionReference wide = new FunctionReference(f, F32, 0x1p40);
    List<Double> xs = inputs(f, 400, 7);
    check(f, wide, xs);
    double[] x = xs.stream().mapToDouble(Double::doubleValue).toArray();
    FloatReference.Evaluator ev = wide.evaluator(x.length);
    ev.compute(x, x.length, new ReferenceColumns(x.length));
    assertTrue(ev.fallbacks() > x.length / 10, f + ": only " + ev.fallbacks() + " fallbacks");
  }

  @ParameterizedTest
  @EnumSource(
      value = Functions.class,
      names = {"EXP", "EXP2", "LOG2", "RSQRT", "SIGMOID"})
  void hardCasesNearMidpointsAreDecidedExactly(Functions f) {
    // Points whose float64 approximation lies within 2^-5 ULP of a float32 midpoint (for
    // results near 1; closer for larger ones): found by
    // scanning with a wide bound, then checked against the 60-digit value.
    FunctionReference wide = new FunctionReference(f, F32, 0x1p20);
    SplittableRandom rng = new SplittableRandom(3);
    List<Double> hard = new ArrayList<>();
    Approx a = new Approx();
    Rounder r = new Rounder(F32);
    for (int k = 0; k < 400_000 && hard.size() < 20; k++) {
      double x = inputs(f, 33, rng.nextLong()).get(32);
      f.approx(x, a);
      if (!a.exact() && Double.isFinite(a.hi()) && !r.decide(a.hi(), a.lo(), a.err() * 0x1p20)) {
        hard.add(x);
      }
    }
    assertTrue(hard.size() >= 3, f + ": found only " + hard.size() + " hard points");
    check(f, FunctionReference.of(f, F32), hard);
    check(f, wide, hard);
  }
}
