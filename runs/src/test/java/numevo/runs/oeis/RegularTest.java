package numevo.runs.oeis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;
import numevo.targets.seq.SequenceData;
import org.junit.jupiter.api.Test;

class RegularTest {

  private static List<BigInteger> terms(int from, int size, IntUnaryOperator f) {
    List<BigInteger> a = new ArrayList<>();
    for (int n = from; n < from + size; n++) {
      a.add(BigInteger.valueOf(f.applyAsInt(n)));
    }
    return a;
  }

  private static int stern(int n) {
    if (n < 2) {
      return n;
    }
    return n % 2 == 0 ? stern(n / 2) : stern(n / 2) + stern(n / 2 + 1);
  }

  @Test
  void binaryWeightIsFoundInBaseTwo() {
    Stage s = Regular.find(SequenceData.of("wt", 0, terms(0, 60, Integer::bitCount)), 10);
    assertEquals(Stage.Status.SOLVED, s.status(), s.formula());
    assertEquals(Method.REGULAR, Method.ofGuess(s.by()));
    assertTrue(s.by().endsWith("base 2"), s.by());
    assertEquals(10, s.predicted());
  }

  /** Stern's diatomic series: a(2n+1) = a(n) + a(n+1). */
  @Test
  void sternsDiatomicSeriesIsFound() {
    Stage s = Regular.find(SequenceData.of("stern", 0, terms(0, 80, RegularTest::stern)), 10);
    assertEquals(Stage.Status.SOLVED, s.status(), s.formula());
    assertEquals(10, s.predicted());
  }

  /** The digit sum in base 10, listed from n = 1: base 10, a(1) first. */
  @Test
  void theDecimalDigitSumListedFromOneIsFoundInBaseTen() {
    IntUnaryOperator digits = n -> String.valueOf(n).chars().map(c -> c - '0').sum();
    Stage s = Regular.find(SequenceData.of("ds", 1, terms(1, 120, digits)), 10);
    assertEquals(Stage.Status.SOLVED, s.status(), s.formula());
    assertTrue(s.by().endsWith("base 10"), s.by());
  }

  /** 12 terms leave fewer than unknowns + SPARE equations per residue: no guess. */
  @Test
  void tooFewTermsAreRefused() {
    assertEquals(
        Stage.Status.NONE,
        Regular.find(SequenceData.of("wt", 0, terms(0, 22, Integer::bitCount)), 10).status());
  }

  /** One training term off (a(20) + 1): no recurrence of these shapes fits. */
  @Test
  void aNearMissIsRefused() {
    List<BigInteger> a = terms(0, 60, Integer::bitCount);
    a.set(20, a.get(20).add(BigInteger.ONE));
    Stage s = Regular.find(SequenceData.of("x", 0, a), 10);
    assertEquals(Stage.Status.NONE, s.status(), s.formula());
  }

  /** The primes have no such recurrence. */
  @Test
  void thePrimesAreRefused() {
    List<BigInteger> p = new ArrayList<>();
    for (BigInteger x = BigInteger.TWO; p.size() < 60; x = x.nextProbablePrime()) {
      p.add(x);
    }
    assertEquals(Stage.Status.NONE, Regular.find(SequenceData.of("p", 0, p), 10).status());
  }
}
