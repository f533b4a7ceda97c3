package numevo.targets.floats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The exact functions against published digits, and the double-double 2^x against them. */
class BigMathTest {
  private static final MathContext MC = new MathContext(50);

  @Test
  void eAndLn2AndLn10MatchTheirDigits() {
    assertEquals(
        "2.7182818284590452353602874713526624977572470937000",
        BigMath.exp(BigDecimal.ONE, MC).toPlainString());
    assertEquals(
        "0.69314718055994530941723212145817656807550013436026", BigMath.ln2(MC).toPlainString());
    assertEquals(
        "2.3025850929940456840179914546843642076011014886288",
        BigMath.ln(BigDecimal.TEN, MC).toPlainString());
  }

  @Test
  void expAndLnAreInverse() {
    SplittableRandom rng = new SplittableRandom(1);
    for (int i = 0; i < 50; i++) {
      BigDecimal x = new BigDecimal(rng.nextDouble(-100, 100));
      BigDecimal back = BigMath.ln(BigMath.exp(x, MC), MC);
      assertTrue(back.subtract(x).abs().compareTo(new BigDecimal("1e-45")) < 0, x + " -> " + back);
    }
  }

  @Test
  void doubleDoubleExp2IsWithin2ToMinus96() {
    SplittableRandom rng = new SplittableRandom(2);
    double[] r = new double[2];
    for (int i = 0; i < 300; i++) {
      double x = i == 0 ? 1.0 : i == 1 ? Double.MIN_VALUE : rng.nextDouble();
      DoubleDouble.exp2(x, r);
      BigDecimal exact = BigMath.exp(new BigDecimal(x).multiply(BigMath.ln2(MC), MC), MC);
      BigDecimal got = new BigDecimal(r[0]).add(new BigDecimal(r[1]));
      BigDecimal rel = got.subtract(exact).abs().divide(exact, MC);
      assertTrue(rel.compareTo(new BigDecimal(0x1p-96)) < 0, "x = " + x + ": " + rel);
    }
  }

  @Test
  void exponentIsExactAtPowersOfTwo() {
    assertEquals(0, BigMath.exponent(BigDecimal.ONE));
    assertEquals(-1, BigMath.exponent(BigDecimal.ONE.subtract(new BigDecimal("1e-40"))));
    assertEquals(-149, BigMath.exponent(new BigDecimal(0x1p-149)));
    assertEquals(127, BigMath.exponent(new BigDecimal(Float.MAX_VALUE)));
  }
}
