package numevo.targets.floats;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The fast reference's error bound, checked against {@link BigMath} at 60 digits on seeded random
 * float32 inputs over the fast ranges and on the edges of its argument reduction.
 */
class FastExpTest {

  /** f(x) to 60 digits beyond those of x (near 1, f(x) - 1 needs them). */
  private static BigDecimal exact(FastExp.Kind kind, double x) {
    int digits = x == 0 ? 60 : 60 + Math.max(0, (int) Math.ceil(-Math.log10(Math.abs(x))));
    MathContext mc = new MathContext(digits, RoundingMode.HALF_EVEN);
    BigDecimal t = new BigDecimal(x);
    return switch (kind) {
      case EXP -> BigMath.exp(t, mc);
      case EXP2 -> BigMath.exp(t.multiply(BigMath.ln2(mc), mc), mc);
    };
  }

  /** Checks the bound at every x, and that it is tight enough to be useful (below 2^-48). */
  private static void check(FastExp.Kind kind, double[] x) {
    int n = x.length;
    double[] hi = new double[n];
    double[] lo = new double[n];
    double[] err = new double[n];
    double[] k = new double[n];
    double[] inv = new double[n];
    FastExp.compute(kind, x, n, hi, lo, err, k, inv);
    for (int i = 0; i < n; i++) {
      BigDecimal scale = BigMath.powerOfTwo((int) k[i]);
      BigDecimal v = new BigDecimal(hi[i]).add(new BigDecimal(lo[i])).multiply(scale);
      BigDecimal e = exact(kind, x[i]);
      BigDecimal diff = v.subtract(e).abs();
      // plus the error of the 60-digit reference itself (where err is 0: integer x for 2^x)
      BigDecimal bound = new BigDecimal(err[i]).multiply(scale).add(e.movePointLeft(55).abs());
      String at = kind + " at x = " + Float.toHexString((float) x[i]);
      assertTrue(diff.compareTo(bound) <= 0, at + ": error " + diff + " above the bound " + bound);
      assertTrue(err[i] <= hi[i] * 0x1p-48, at + ": bound " + err[i] + " too loose");
      assertTrue(inv[i] == 1 / hi[i], at);
    }
  }

  private static double[] randomFloats(long seed, int n, double lo, double hi) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) (lo + (hi - lo) * r.nextDouble());
    }
    return x;
  }

  /** Random float32 bit patterns with exponents in {@code [minExp, maxExp]}, both signs. */
  private static double[] randomCodes(long seed, int n, int minExp, int maxExp) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      int e = minExp + r.nextInt(maxExp - minExp + 1);
      int bits = ((e + 127) << 23) | r.nextInt(1 << 23) | (r.nextBoolean() ? 0x8000_0000 : 0);
      x[i] = Float.intBitsToFloat(bits);
    }
    return x;
  }

  @Test
  void expIsWithinItsBoundOverTheFastRange() {
    check(FastExp.Kind.EXP, randomFloats(1, 3000, -660, 709.78));
    check(FastExp.Kind.EXP, randomFloats(2, 2000, -1, 1));
    check(FastExp.Kind.EXP, randomCodes(3, 3000, -126, 6));
  }

  @Test
  void exp2IsWithinItsBoundOverTheFastRange() {
    check(FastExp.Kind.EXP2, randomFloats(4, 3000, -950, 1023.99));
    check(FastExp.Kind.EXP2, randomFloats(5, 2000, 0, 1));
    check(FastExp.Kind.EXP2, randomCodes(6, 3000, -126, 6));
  }

  @Test
  void theBoundHoldsAtTheEdgesOfTheReduction() {
    // Around multiples of ln2/2 (e^x) and of 1/2 (2^x), where K changes, and subnormal inputs.
    double[] ex = new double[4000];
    double[] e2 = new double[4000];
    for (int i = 0; i < 1000; i++) {
      double m = (i - 500) * 0.5;
      float a = (float) (m * Math.log(2));
      ex[4 * i] = a;
      ex[4 * i + 1] = Math.nextUp(a);
      ex[4 * i + 2] = Math.nextDown(a);
      ex[4 * i + 3] = Float.MIN_VALUE * (i + 1);
      e2[4 * i] = (float) m;
      e2[4 * i + 1] = Math.nextUp((float) m);
      e2[4 * i + 2] = Math.nextDown((float) m);
      e2[4 * i + 3] = -Float.MIN_VALUE * (i + 1);
    }
    check(FastExp.Kind.EXP, ex);
    check(FastExp.Kind.EXP2, e2);
  }
}
