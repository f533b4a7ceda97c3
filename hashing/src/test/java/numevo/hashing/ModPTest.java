package numevo.hashing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ModPTest {
  private static final BigInteger BP = BigInteger.valueOf(ModP.P);

  @Test
  void theModulusIsAPrime() {
    assertTrue(BP.isProbablePrime(100));
  }

  @Provide
  Arbitrary<Long> residues() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(0, ModP.P - 1),
        Arbitraries.of(0L, 1L, 2L, ModP.P - 1, ModP.P - 2, 1L << 60, (1L << 60) - 1));
  }

  @Property(tries = 2000, seed = "1700")
  void arithmeticAgreesWithBigInteger(@ForAll("residues") long a, @ForAll("residues") long b) {
    BigInteger x = BigInteger.valueOf(a);
    BigInteger y = BigInteger.valueOf(b);
    assertEquals(x.add(y).mod(BP).longValueExact(), ModP.add(a, b));
    assertEquals(x.subtract(y).mod(BP).longValueExact(), ModP.sub(a, b));
    assertEquals(x.multiply(y).mod(BP).longValueExact(), ModP.mul(a, b));
    assertEquals(x.negate().mod(BP).longValueExact(), ModP.neg(a));
  }

  @Property(tries = 2000, seed = "1701")
  void reduceAgreesWithBigInteger(@ForAll long x) {
    assertEquals(BigInteger.valueOf(x).mod(BP).longValueExact(), ModP.reduce(x));
  }

  @Property(tries = 200, seed = "1702")
  void inverseInverts(@ForAll("residues") long a) {
    if (a == 0) {
      assertThrows(ArithmeticException.class, () -> ModP.inverse(a));
    } else {
      assertEquals(1, ModP.mul(a, ModP.inverse(a)));
    }
  }

  @Test
  void exactDivisionIsMultiplicationByTheInverse() {
    long n = 123_456_789L;
    assertEquals(n, ModP.mul(ModP.mul(n, 97), ModP.inverse(97)));
    assertEquals(1, ModP.pow(5, 0));
    assertEquals(ModP.P - 1, ModP.reduce(-1));
  }
}
