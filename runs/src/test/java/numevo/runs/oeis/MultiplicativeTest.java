package numevo.runs.oeis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;
import numevo.targets.seq.SequenceData;
import org.junit.jupiter.api.Test;

class MultiplicativeTest {

  private static List<BigInteger> terms(int size, IntUnaryOperator f) {
    List<BigInteger> a = new ArrayList<>();
    for (int n = 1; n <= size; n++) {
      a.add(BigInteger.valueOf(f.applyAsInt(n)));
    }
    return a;
  }

  /** Dedekind's psi: n times prod (1 + 1/p) over the primes p dividing n. */
  private static int psi(int n) {
    int r = n;
    int m = n;
    for (int p = 2; m > 1; p++) {
      if (m % p == 0) {
        r = r / p * (p + 1);
        while (m % p == 0) {
          m /= p;
        }
      }
    }
    return r;
  }

  /**
   * psi(1..69), 59 training terms: the held-out 64 = 2^6 is beyond the training terms' powers of 2,
   * so it needs the ratio rule psi(p^e) = p psi(p^(e-1)); the held-out primes 61 and 67 need psi(p)
   * = p + 1.
   */
  @Test
  void dedekindPsiIsPredictedFromItsPrimePowers() {
    Stage s =
        Multiplicative.find(SequenceData.of("psi", 0, terms(69, MultiplicativeTest::psi)), 10);
    assertEquals(Stage.Status.SOLVED, s.status(), s.formula());
    assertEquals(Method.MULTIPLICATIVE, Method.ofGuess(s.by()));
    assertEquals(10, s.predicted());
    assertTrue(s.formula().contains("R(p)"), s.formula());
  }

  /** A changed held-out term (the 3rd) leaves the choice alone: wrong, 2 predicted. */
  @Test
  void aChangedHeldOutTermMakesTheChoiceWrong() {
    List<BigInteger> a = terms(69, MultiplicativeTest::psi);
    a.set(61, a.get(61).add(BigInteger.ONE));
    Stage s = Multiplicative.find(SequenceData.of("psi", 0, a), 10);
    assertEquals(Stage.Status.WRONG, s.status(), s.formula());
    assertEquals(2, s.predicted());
  }

  /** One training term off (a(30) + 1) breaks multiplicativity: no guess. */
  @Test
  void aNearMissIsRefused() {
    List<BigInteger> a = terms(69, MultiplicativeTest::psi);
    a.set(29, a.get(29).add(BigInteger.ONE));
    assertEquals(Stage.Status.NONE, Multiplicative.find(SequenceData.of("x", 0, a), 10).status());
  }

  /** 20 training terms check fewer than MIN_PAIRS coprime pairs: too few to call it. */
  @Test
  void tooFewTermsAreRefused() {
    Stage s =
        Multiplicative.find(SequenceData.of("psi", 0, terms(30, MultiplicativeTest::psi)), 10);
    assertEquals(Stage.Status.NONE, s.status(), s.formula());
  }

  /** The identity a(n) = n + 1 is not multiplicative (a(1) = 2). */
  @Test
  void aSequenceNotStartingWithOneIsRefused() {
    Stage s = Multiplicative.find(SequenceData.of("n1", 0, terms(60, n -> n + 1)), 10);
    assertEquals(Stage.Status.NONE, s.status());
  }
}
