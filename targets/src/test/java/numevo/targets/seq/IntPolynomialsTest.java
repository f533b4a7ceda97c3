package numevo.targets.seq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class IntPolynomialsTest {

  private static BigInteger[] p(long... c) {
    BigInteger[] r = new BigInteger[c.length];
    for (int i = 0; i < c.length; i++) {
      r[i] = BigInteger.valueOf(c[i]);
    }
    return r;
  }

  @Test
  void theCommonFactorOfSeveralPolynomialsIsPrimitiveWithAPositiveLead() {
    // (n - 9)(n + 1) = n^2 - 8n - 9, -2(n - 9)(2n + 3) = -4n^2 + 30n + 54, and zero.
    assertArrayEquals(
        p(-9, 1), IntPolynomials.gcd(new BigInteger[][] {p(-9, -8, 1), p(54, 30, -4), p(0, 0, 0)}));
    assertArrayEquals(p(1), IntPolynomials.gcd(new BigInteger[][] {p(2, 4), p(1, 1)}));
    assertArrayEquals(p(1), IntPolynomials.gcd(new BigInteger[][] {p(0), p(0)}));
    assertArrayEquals(p(1), IntPolynomials.gcd(new BigInteger[][] {p(6), p(0, 3)}));
  }

  @Test
  void divisionIsExactOrAnError() {
    assertArrayEquals(p(1, 1, 0), IntPolynomials.divide(p(-9, -8, 1), p(-9, 1)));
    assertArrayEquals(p(-6, -4, 0), IntPolynomials.divide(p(54, 30, -4), p(-9, 1)));
    assertThrows(ArithmeticException.class, () -> IntPolynomials.divide(p(1, 0, 1), p(-9, 1)));
  }
}
