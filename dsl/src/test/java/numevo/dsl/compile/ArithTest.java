package numevo.dsl.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Random;
import numevo.dsl.eval.EvaluationException;
import numevo.dsl.format.NumberFormat;
import org.junit.jupiter.api.Test;

/** The runtime helpers of compiled code. */
class ArithTest {

  /**
   * {@link Arith#fmaRoundToOdd} is a*b+c rounded to odd: the exact value when it is a double,
   * otherwise the odd one of the two doubles around it.
   */
  @Test
  void fmaRoundsToOdd() {
    Random rnd = new Random(5);
    NumberFormat[] formats = {NumberFormat.BFLOAT16, NumberFormat.FLOAT16, NumberFormat.E5M2};
    int inexact = 0;
    for (int i = 0; i < 200_000; i++) {
      NumberFormat f = formats[i % formats.length];
      double a = f.decode(rnd.nextInt(1 << f.bits()));
      double b = f.decode(rnd.nextInt(1 << f.bits()));
      double c = f.decode(rnd.nextInt(1 << f.bits()));
      if (rnd.nextBoolean()) {
        // Products near 1 and addends far below them: binary64 rounds the sum.
        a = f.round(1 + rnd.nextInt(128) / 128.0);
        b = f.round(1 + rnd.nextInt(128) / 128.0);
      }
      double r = Arith.fmaRoundToOdd(a, b, c);
      double naive = a * b + c;
      if (!Double.isFinite(naive)) {
        assertEquals(Double.doubleToLongBits(naive), Double.doubleToLongBits(r));
        continue;
      }
      BigDecimal exact = new BigDecimal(a).multiply(new BigDecimal(b)).add(new BigDecimal(c));
      BigDecimal got = new BigDecimal(r);
      int cmp = exact.compareTo(got);
      if (cmp == 0) {
        continue;
      }
      inexact++;
      assertEquals(1L, Double.doubleToRawLongBits(r) & 1L, "odd: " + a + " " + b + " " + c);
      double other = cmp > 0 ? Math.nextUp(r) : Math.nextDown(r);
      BigDecimal lo = got.min(new BigDecimal(other));
      BigDecimal hi = got.max(new BigDecimal(other));
      assertTrue(lo.compareTo(exact) < 0 && exact.compareTo(hi) < 0, a + " " + b + " " + c);
    }
    assertTrue(inexact > 1000, "inexact sums: " + inexact);
  }

  /**
   * {@link Arith#fmaNarrow} rounded once is the correctly rounded fma in FP8 (every triple of
   * codes) and float16 (random triples, many with an addend far larger than the product): it equals
   * the round-to-odd path, which the test above checks against exact arithmetic.
   */
  @Test
  void binary64FmaRoundsCorrectlyInFloat16AndFp8() {
    for (NumberFormat f :
        new NumberFormat[] {
          NumberFormat.E4M3FN, NumberFormat.E5M2, NumberFormat.E4M3FNUZ, NumberFormat.E5M2FNUZ
        }) {
      double[] v = new double[256];
      for (int c = 0; c < 256; c++) {
        v[c] = f.decode(c);
      }
      for (double a : v) {
        for (double b : v) {
          for (double c : v) {
            assertSameRounding(f, a, b, c);
          }
        }
      }
    }
    NumberFormat h = NumberFormat.FLOAT16;
    Random rnd = new Random(9);
    for (int i = 0; i < 4_000_000; i++) {
      double a = h.decode(rnd.nextInt(1 << 16));
      double b = h.decode(rnd.nextInt(1 << 16));
      double c = h.decode(rnd.nextInt(1 << 16));
      if ((i & 1) == 0) {
        // Products at or near midpoints, addends from tiny to huge.
        a = h.round(1 + rnd.nextInt(2048) / 2048.0) * (rnd.nextBoolean() ? 1 : -1);
        b = h.round(Math.scalb(1 + rnd.nextInt(2048) / 2048.0, rnd.nextInt(30) - 24));
      }
      assertSameRounding(h, a, b, c);
    }
  }

  private static void assertSameRounding(NumberFormat f, double a, double b, double c) {
    double expected = f.round(Arith.fmaRoundToOdd(a, b, c));
    double actual = f.round(Arith.fmaNarrow(a, b, c));
    if (Double.doubleToRawLongBits(expected) != Double.doubleToRawLongBits(actual)
        && !(Double.isNaN(expected) && Double.isNaN(actual))) {
      assertEquals(expected, actual, f + " fma(" + a + ", " + b + ", " + c + ")");
    }
  }

  @Test
  void intFastPathHelpersDetectLeaving64Bits() {
    assertTrue(Arith.addOverflows(Long.MAX_VALUE, 1));
    assertEquals(false, Arith.addOverflows(Long.MAX_VALUE, -1));
    assertTrue(Arith.subOverflows(Long.MIN_VALUE, 1));
    assertEquals(false, Arith.subOverflows(-1, Long.MAX_VALUE));
    assertTrue(Arith.mulOverflows(1L << 32, 1L << 31));
    assertEquals(false, Arith.mulOverflows(-(1L << 32), 1L << 31));
    assertTrue(Arith.negOverflows(Long.MIN_VALUE));
    assertTrue(Arith.divOverflows(Long.MIN_VALUE, -1));
    assertEquals(false, Arith.divOverflows(Long.MIN_VALUE, 1));
    assertEquals(-3L, Arith.divExact(6, -2, false));
    assertEquals(0L, Arith.divExact(7, 0, true));
    assertThrows(EvaluationException.class, () -> Arith.divExact(7, 0, false));
    assertThrows(EvaluationException.class, () -> Arith.divExact(7, 2, false));
  }
}
