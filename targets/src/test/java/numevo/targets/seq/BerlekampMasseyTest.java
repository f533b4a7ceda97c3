package numevo.targets.seq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import numevo.dsl.program.Op;
import org.junit.jupiter.api.Test;

class BerlekampMasseyTest {

  private static final BerlekampMassey BM = BerlekampMassey.of(BmConfig.defaults());

  private static SolverResult.Found found(SequenceData d) {
    SolverResult r = BM.find(SeqScorer.of(d, SeqConfig.defaults()));
    return assertInstanceOf(SolverResult.Found.class, r, r.toString());
  }

  @Test
  void findsFibonacciPellAndTribonacciWithTheirCoefficients() {
    SolverResult.Found fib =
        found(Sequences.linear("fib", new long[] {0, 1}, new long[] {1, 1}, 40));
    assertEquals("a(n) = a(n-1) + a(n-2)", fib.recurrence().formula());
    assertEquals(Sequences.values(0, 1), fib.initialTerms());
    assertTrue(fib.predictsHeldOut());

    SolverResult.Found pell =
        found(Sequences.linear("pell", new long[] {0, 1}, new long[] {2, 1}, 40));
    assertEquals("a(n) = 2*a(n-1) + a(n-2)", pell.recurrence().formula());
    assertTrue(pell.predictsHeldOut());

    SolverResult.Found trib =
        found(Sequences.linear("trib", new long[] {0, 0, 1}, new long[] {1, 1, 1}, 40));
    assertEquals("a(n) = a(n-1) + a(n-2) + a(n-3)", trib.recurrence().formula());
    assertEquals(3, trib.recurrence().start());
    assertEquals(10, trib.score().heldOutMatched());
    assertEquals(27, trib.score().trainMatched());
  }

  @Test
  void liftsLargeAndNegativeCoefficients() {
    SolverResult.Found r =
        found(
            Sequences.linear(
                "big", new long[] {1, -3, 7}, new long[] {1_000_003, 0, -999_999_937L}, 30));
    assertEquals("a(n) = 1000003*a(n-1) - 999999937*a(n-3)", r.recurrence().formula());
    assertTrue(r.predictsHeldOut());
  }

  @Test
  void aRationalCoefficientBecomesAnExactDivision() {
    // a(n) = a(n-1) / 2 from 2^40: the recurrence 2 a(n) = a(n-1).
    SolverResult.Found r =
        found(
            Sequences.iterate(
                "halves", 0, BigInteger.ONE.shiftLeft(40), 30, (p, n) -> p.shiftRight(1)));
    assertEquals("2*a(n) = a(n-1)", r.recurrence().formula());
    assertTrue(r.recurrence().kernel().body().stream().anyMatch(i -> i.op() == Op.ZDIV));
    assertTrue(r.predictsHeldOut());
  }

  @Test
  void aRecurrenceTheTrainingTermsDoNotOverDetermineIsNotReported() {
    // Order 3 needs 2*3 + 2 = 8 training terms; 10 terms hold out 3, leaving 7.
    SequenceData d = Sequences.linear("short", new long[] {1, 2, 5}, new long[] {1, 3, -2}, 10);
    SolverResult r = BM.find(SeqScorer.of(d, SeqConfig.defaults()));
    SolverResult.NoneFound none = assertInstanceOf(SolverResult.NoneFound.class, r);
    assertTrue(none.reason().contains("order 3"), none.reason());
  }

  @Test
  void anIrregularStartKeepsTheOrderAndPredicts() {
    // 5, then the powers of 2 from 1: the shortest recurrence is 0*a(n-2) + 2*a(n-1) for n >= 2.
    List<BigInteger> t = new java.util.ArrayList<>(Sequences.values(5));
    for (int i = 0; i < 29; i++) {
      t.add(BigInteger.ONE.shiftLeft(i));
    }
    SolverResult.Found r = found(SequenceData.of("irregular", 0, t));
    assertEquals(2, r.recurrence().start());
    assertEquals("a(n) = 2*a(n-1)", r.recurrence().formula());
    assertTrue(r.predictsHeldOut());
  }

  @Test
  void theModularConnectionPolynomialOfFibonacci() {
    long p = 1_000_003;
    long[] s = {0, 1, 1, 2, 3, 5, 8, 13};
    assertEquals(List.of(1L, p - 1, p - 1), toList(BerlekampMassey.connection(s, p)));
  }

  private static List<Long> toList(long[] a) {
    return java.util.Arrays.stream(a).boxed().toList();
  }
}
