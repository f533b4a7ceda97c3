package numevo.runs.oeis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import numevo.targets.seq.SequenceData;
import org.junit.jupiter.api.Test;

class TriangleTest {

  /** Pascal's triangle by rows, rows 0 .. until size terms. */
  private static List<BigInteger> pascal(int size) {
    List<BigInteger> a = new ArrayList<>();
    for (int n = 0; a.size() < size; n++) {
      BigInteger c = BigInteger.ONE;
      for (int k = 0; k <= n && a.size() < size; k++) {
        a.add(c);
        c = c.multiply(BigInteger.valueOf(n - k)).divide(BigInteger.valueOf(k + 1));
      }
    }
    return a;
  }

  /** Stirling numbers of the second kind S(n, k), 1 <= k <= n, by rows from n = 1. */
  private static List<BigInteger> stirling2(int size) {
    List<BigInteger> a = new ArrayList<>();
    List<BigInteger> prev = List.of(BigInteger.ONE);
    a.add(BigInteger.ONE);
    while (a.size() < size) {
      List<BigInteger> next = new ArrayList<>();
      for (int k = 1; k <= prev.size() + 1; k++) {
        BigInteger left = k >= 2 ? prev.get(k - 2) : BigInteger.ZERO;
        BigInteger up = k <= prev.size() ? prev.get(k - 1) : BigInteger.ZERO;
        next.add(left.add(BigInteger.valueOf(k).multiply(up)));
      }
      for (BigInteger x : next) {
        if (a.size() < size) {
          a.add(x);
        }
      }
      prev = next;
    }
    return a;
  }

  @Test
  void pascalsTriangleIsFound() {
    Stage s = Triangle.find(SequenceData.of("pascal", 0, pascal(60)), 10);
    assertEquals(Stage.Status.SOLVED, s.status(), s.formula());
    assertEquals(Method.TRIANGLE, Method.ofGuess(s.by()));
    assertEquals(10, s.predicted());
  }

  /** S(n, k) = S(n-1, k-1) + k S(n-1, k): a coefficient linear in the column. */
  @Test
  void stirlingNumbersOfTheSecondKindAreFound() {
    Stage s = Triangle.find(SequenceData.of("s2", 0, stirling2(66)), 10);
    assertEquals(Stage.Status.SOLVED, s.status(), s.formula());
    assertTrue(s.formula().contains("j*T(i-1,j)"), s.formula());
  }

  /** 21 terms: fewer than MIN_ROWS training rows. */
  @Test
  void tooFewRowsAreRefused() {
    assertEquals(
        Stage.Status.NONE, Triangle.find(SequenceData.of("p", 0, pascal(31)), 10).status());
  }

  /** One inner training cell off: no relation of these shapes fits. */
  @Test
  void aNearMissIsRefused() {
    List<BigInteger> a = pascal(60);
    a.set(24, a.get(24).add(BigInteger.ONE));
    assertEquals(Stage.Status.NONE, Triangle.find(SequenceData.of("x", 0, a), 10).status());
  }

  /** A changed held-out cell (the 5th): the choice stands, wrong, 4 predicted. */
  @Test
  void aChangedHeldOutTermMakesTheChoiceWrong() {
    List<BigInteger> a = pascal(60);
    a.set(54, a.get(54).add(BigInteger.ONE));
    Stage s = Triangle.find(SequenceData.of("x", 0, a), 10);
    assertEquals(Stage.Status.WRONG, s.status(), s.formula());
    assertEquals(4, s.predicted());
  }
}
