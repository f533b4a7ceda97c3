package numevo.runs.oeis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import numevo.targets.seq.SequenceData;
import org.junit.jupiter.api.Test;

class TransformsTest {

  private static List<BigInteger> ints(long... v) {
    List<BigInteger> a = new ArrayList<>();
    for (long x : v) {
      a.add(BigInteger.valueOf(x));
    }
    return a;
  }

  private static List<BigInteger> constant(int size, long v) {
    List<BigInteger> a = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      a.add(BigInteger.valueOf(v));
    }
    return a;
  }

  @Test
  void theBellNumbersAreTheExponentialTransformOfOnes() {
    SequenceData bell = SequenceData.of("bell", 0, ints(1, 1, 2, 5, 15, 52, 203, 877, 4140));
    assertEquals(constant(8, 1), Transforms.inverseExp(bell).terms());
  }

  @Test
  void fibonacciIsTheInvertTransformOfOneOneZeros() {
    SequenceData fib = SequenceData.of("fib", 0, ints(1, 1, 2, 3, 5, 8, 13, 21));
    assertEquals(ints(1, 1, 0, 0, 0, 0, 0), Transforms.inverseInvert(fib).terms());
  }

  @Test
  void theBinomialTransformOfOnesIsPowersOfTwoAndTheInverseUndoesIt() {
    SequenceData ones = SequenceData.of("one", 0, constant(8, 1));
    SequenceData two = Transforms.binomial(ones, 1);
    assertEquals(ints(1, 2, 4, 8, 16, 32, 64, 128), two.terms());
    assertEquals(ones.terms(), Transforms.binomial(two, -1).terms());
  }

  @Test
  void theEulerTransformOfOnesIsThePartitionNumbers() {
    SequenceData ones = SequenceData.of("one", 1, constant(10, 1));
    assertEquals(ints(1, 2, 3, 5, 7, 11, 15, 22, 30, 42), Transforms.euler(ones).terms());
  }

  @Test
  void aSequenceNotStartingWithOneHasNoInverseExpOrInvert() {
    SequenceData s = SequenceData.of("s", 0, ints(2, 1, 1, 1));
    assertEquals(null, Transforms.inverseExp(s));
    assertEquals(null, Transforms.inverseInvert(s));
  }

  /** a(n) = n-th Bell number: no P-recursive recurrence; its inverse exponential is all ones. */
  @Test
  void theBellNumbersAreSolvedThroughTheirExponentialTransform() {
    List<BigInteger> bell = new ArrayList<>();
    List<BigInteger> row = new ArrayList<>(List.of(BigInteger.ONE));
    bell.add(BigInteger.ONE);
    for (int n = 1; n < 40; n++) {
      List<BigInteger> next = new ArrayList<>(List.of(row.getLast()));
      for (BigInteger x : row) {
        next.add(next.getLast().add(x));
      }
      row = next;
      bell.add(row.getFirst());
    }
    Stage s = Guesses.find(SequenceData.of("bell", 0, bell), 10);
    assertEquals(Stage.Status.SOLVED, s.status(), s.formula());
    assertEquals(Method.EXP, Method.ofGuess(s.by()));
  }

  /** a(3m + r) for three unrelated recurrences: each trisection has its own. */
  @Test
  void aThreeWayInterleavingIsSolvedByItsTrisections() {
    List<BigInteger> a = new ArrayList<>();
    for (int n = 0; n < 60; n++) {
      int m = n / 3;
      a.add(
          switch (n % 3) {
            case 0 -> BigInteger.valueOf(3).pow(m);
            case 1 -> BigInteger.valueOf((long) m * m + 7);
            default -> BigInteger.TWO.pow(m).subtract(BigInteger.valueOf(m));
          });
    }
    Stage s = Guesses.sections(SequenceData.of("tri", 0, a), 10, 3);
    assertEquals(Stage.Status.SOLVED, s.status(), s.formula());
    assertEquals(Method.MULTISECTIONS, Method.ofGuess(s.by()));
    assertEquals(10, s.predicted());
  }
}
