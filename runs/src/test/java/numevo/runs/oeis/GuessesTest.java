package numevo.runs.oeis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import numevo.targets.seq.SequenceData;
import org.junit.jupiter.api.Test;

class GuessesTest {

  private static BigInteger factorial(int n) {
    BigInteger f = BigInteger.ONE;
    for (int i = 2; i <= n; i++) {
      f = f.multiply(BigInteger.valueOf(i));
    }
    return f;
  }

  /** (n!)^4: P-recursive of order 1 and degree 4, beyond the classical stage's degree 3. */
  @Test
  void aDegreeFourRecurrenceIsFoundByTheHigherPRecursiveGuesser() {
    List<BigInteger> a = new ArrayList<>();
    for (int n = 0; n < 40; n++) {
      a.add(factorial(n).pow(4));
    }
    Stage s = Guesses.find(SequenceData.of("f4", 0, a), 10);
    assertEquals(Stage.Status.SOLVED, s.status(), s.formula());
    assertEquals(Method.PREC_HIGH, Method.ofGuess(s.by()));
    assertEquals(10, s.predicted());
  }

  private static List<BigInteger> interleaved(int size) {
    List<BigInteger> a = new ArrayList<>();
    for (int n = 0; n < size; n++) {
      a.add(n % 2 == 0 ? factorial(n / 2) : BigInteger.TWO.pow(n / 2).add(BigInteger.ONE));
    }
    return a;
  }

  /** a(2m) = m!, a(2m+1) = 2^m + 1: each bisection has its own recurrence. */
  @Test
  void anInterleavedSequenceIsSolvedByItsBisections() {
    Stage s = Guesses.bisections(SequenceData.of("il", 0, interleaved(50)), 10);
    assertEquals(Stage.Status.SOLVED, s.status(), s.formula());
    assertEquals(Method.BISECTIONS, Method.ofGuess(s.by()));
    assertEquals(10, s.predicted());
  }

  /**
   * The bisections are chosen on training terms only: a changed held-out term (the 4th, an odd
   * position) leaves the choice alone and makes it wrong, 3 predicted.
   */
  @Test
  void aChangedHeldOutTermMakesTheBisectionsChoiceWrong() {
    List<BigInteger> a = interleaved(50);
    a.set(43, a.get(43).add(BigInteger.ONE));
    Stage s = Guesses.bisections(SequenceData.of("il", 0, a), 10);
    assertEquals(Stage.Status.WRONG, s.status(), s.formula());
    assertEquals(3, s.predicted());
  }

  @Test
  void differencesAndPartialSumsKeepTheOffsetAndUndoEachOther() {
    SequenceData d = SequenceData.of("x", 1, interleaved(20));
    SequenceData diff = Guesses.differences(d);
    assertEquals(19, diff.size());
    assertEquals(1, diff.offset());
    SequenceData sums = Guesses.partialSums(diff);
    for (int i = 0; i < sums.size(); i++) {
      assertEquals(d.term(i + 1).subtract(d.term(0)), sums.term(i));
    }
  }

  @Test
  void aSequenceWithoutRecurrenceFindsNothing() {
    List<BigInteger> primes = new ArrayList<>();
    for (BigInteger p = BigInteger.TWO; primes.size() < 40; p = p.nextProbablePrime()) {
      primes.add(p);
    }
    Stage s = Guesses.find(SequenceData.of("primes", 1, primes), 10);
    assertFalse(s.chose(), s.formula());
    assertTrue(s.by().isEmpty());
  }

  /** Partitions into parts of 2 kinds (A000712): the inverse Euler transform is constant 2. */
  @Test
  void partitionsIntoPartsOfTwoKindsAreSolvedThroughTheInverseEulerTransform() {
    int size = 45;
    BigInteger[] a = new BigInteger[size];
    a[0] = BigInteger.ONE;
    for (int i = 1; i < size; i++) {
      a[i] = BigInteger.ZERO;
    }
    // Multiply by 1/(1 - x^k)^2 for every k, as two factors 1/(1 - x^k).
    for (int k = 1; k < size; k++) {
      for (int twice = 0; twice < 2; twice++) {
        for (int i = k; i < size; i++) {
          a[i] = a[i].add(a[i - k]);
        }
      }
    }
    SequenceData d = SequenceData.of("A000712", 0, List.of(a));
    SequenceData b = Guesses.inverseEuler(d);
    for (int i = 0; i < b.size(); i++) {
      assertEquals(BigInteger.TWO, b.term(i));
    }
    Stage s = Guesses.find(d, 10);
    assertEquals(Stage.Status.SOLVED, s.status(), s.formula());
    assertEquals(Method.EULER, Method.ofGuess(s.by()));
  }

  @Test
  void theInverseEulerTransformNeedsAFirstTermOfOne() {
    List<BigInteger> a = new ArrayList<>(List.of(BigInteger.TWO, BigInteger.ONE, BigInteger.ONE));
    assertEquals(null, Guesses.inverseEuler(SequenceData.of("y", 0, a)));
    a.set(0, BigInteger.ONE);
    assertEquals(
        List.of(BigInteger.ONE, BigInteger.ZERO),
        Guesses.inverseEuler(SequenceData.of("y", 0, a)).terms());
  }

  /** sigma(n), the sum of the divisors of n: its Moebius transform is n. */
  @Test
  void sigmaIsSolvedThroughItsMoebiusTransform() {
    List<BigInteger> a = new ArrayList<>();
    for (int n = 1; n <= 60; n++) {
      long s = 0;
      for (int d = 1; d <= n; d++) {
        if (n % d == 0) {
          s += d;
        }
      }
      a.add(BigInteger.valueOf(s));
    }
    SequenceData d = SequenceData.of("A000203", 1, a);
    Stage s = Guesses.find(d, 10);
    assertEquals(Stage.Status.SOLVED, s.status(), s.formula());
    assertEquals(Method.MOEBIUS, Method.ofGuess(s.by()));
    SequenceData back = Guesses.divisorSums(Guesses.divisorSums(d, true), false);
    assertEquals(d.terms(), back.terms());
  }

  /**
   * Partitions into parts of 2 kinds listed from n = 1 (2, 5, 10, 20, ...; no a(0)): the Euler
   * stage puts a(0) = 1 back.
   */
  @Test
  void aSequenceListedFromOneIsSolvedWithTheLeadingOnePutBack() {
    int size = 46;
    BigInteger[] a = new BigInteger[size];
    a[0] = BigInteger.ONE;
    for (int i = 1; i < size; i++) {
      a[i] = BigInteger.ZERO;
    }
    for (int k = 1; k < size; k++) {
      for (int twice = 0; twice < 2; twice++) {
        for (int i = k; i < size; i++) {
          a[i] = a[i].add(a[i - k]);
        }
      }
    }
    Stage s = Guesses.find(SequenceData.of("A000712from1", 0, List.of(a).subList(1, size)), 10);
    assertEquals(Stage.Status.SOLVED, s.status(), s.formula());
    assertEquals(Method.EULER, Method.ofGuess(s.by()));
    assertTrue(s.formula().contains("of 1, a"), s.formula());
  }
}
