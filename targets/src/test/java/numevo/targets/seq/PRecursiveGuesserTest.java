package numevo.targets.seq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class PRecursiveGuesserTest {

  private static final PRecursiveGuesser PR = PRecursiveGuesser.of(PRecConfig.defaults());

  private static SolverResult.Found found(SequenceData d) {
    SolverResult r = PR.find(SeqScorer.of(d, SeqConfig.defaults()));
    return assertInstanceOf(SolverResult.Found.class, r, r.toString());
  }

  @Test
  void findsCatalan() {
    SolverResult.Found r = found(Sequences.catalan(0, 35));
    assertEquals("(n + 1)*a(n) = (4n - 2)*a(n-1)", r.recurrence().formula());
    assertEquals(1, r.recurrence().start());
    assertTrue(r.predictsHeldOut());
  }

  @Test
  void theIndexIncludesTheOffset() {
    // The same Catalan numbers, listed from C(3): the recurrence in n is the same.
    SolverResult.Found r = found(Sequences.catalan(3, 32));
    assertEquals("(n + 1)*a(n) = (4n - 2)*a(n-1)", r.recurrence().formula());
    assertTrue(r.predictsHeldOut());
  }

  @Test
  void findsFactorial() {
    SolverResult.Found r = found(Sequences.factorial(30));
    assertEquals("a(n) = n*a(n-1)", r.recurrence().formula());
    assertEquals(Sequences.values(1), r.initialTerms());
    assertTrue(r.predictsHeldOut());
  }

  @Test
  void findsASecondOrderRecurrenceWithPolynomialCoefficients() {
    // Involutions: a(n) = a(n-1) + (n-1) a(n-2).
    java.util.List<BigInteger> a = new java.util.ArrayList<>(Sequences.values(1, 1));
    for (int n = 2; n < 35; n++) {
      a.add(a.get(n - 1).add(BigInteger.valueOf(n - 1).multiply(a.get(n - 2))));
    }
    SolverResult.Found r = found(SequenceData.of("involutions", 0, a));
    assertEquals("a(n) = a(n-1) + (n - 1)*a(n-2)", r.recurrence().formula());
    assertTrue(r.predictsHeldOut());
  }

  @Test
  void aZeroOfTheLeadingCoefficientInTheTrainingRangeMovesTheStart() {
    // Triangular numbers: (n - 1) a(n) = (n + 1) a(n-1) says nothing at n = 1.
    SequenceData tri =
        Sequences.iterate("tri", 0, BigInteger.ZERO, 40, (p, n) -> p.add(BigInteger.valueOf(n)));
    SolverResult.Found r = found(tri);
    assertEquals("(n - 1)*a(n) = (n + 1)*a(n-1)", r.recurrence().formula());
    assertEquals(2, r.recurrence().start());
    assertEquals(new RecurrenceShape(true, 2), r.recurrence().shape()); // a2 unused
    assertEquals(Sequences.values(0, 1), r.initialTerms());
    assertTrue(r.predictsHeldOut());
  }

  @Test
  void withoutSpareEquationsTheGuesserOverfitsThePrimes() {
    // 9 primes, 6 for training. Order 1 and degree 2 have 6 unknowns and 5 equations: a solution
    // always exists and fits the training terms; it is a fit, not a law. The spare equations are
    // what rule it out.
    SequenceData primes =
        SequenceData.of("primes", 1, Sequences.values(2, 3, 5, 7, 11, 13, 17, 19, 23));
    SeqScorer scorer = SeqScorer.of(primes, SeqConfig.defaults());
    SolverResult.Found overfit =
        assertInstanceOf(
            SolverResult.Found.class,
            PRecursiveGuesser.of(new PRecConfig(3, 3, 0, 6, true)).find(scorer));
    assertTrue(overfit.score().fitsTraining());
    assertTrue(!overfit.predictsHeldOut());
    assertInstanceOf(SolverResult.NoneFound.class, PR.find(scorer));
  }

  @Test
  void aFactorCommonToEveryCoefficientMustNotMaskAJump() {
    // 1 until a(8), then 2: (n - 9) a(n) = (n - 9) a(n-1) holds only because n - 9 switches the
    // equation at the jump off; without the factor, a(n) = a(n-1) fails there.
    java.util.List<BigInteger> t = new java.util.ArrayList<>();
    for (int n = 0; n < 40; n++) {
      t.add(BigInteger.valueOf(n < 9 ? 1 : 2));
    }
    SeqScorer scorer = SeqScorer.of(SequenceData.of("jump", 0, t), SeqConfig.defaults());
    SolverResult.Found masked =
        assertInstanceOf(
            SolverResult.Found.class,
            PRecursiveGuesser.of(PRecConfig.defaults().withRejectCommonFactors(false))
                .find(scorer));
    assertEquals("(n - 9)*a(n) = (n - 9)*a(n-1)", masked.recurrence().formula());
    SolverResult strict = PR.find(scorer);
    assertTrue(
        !(strict instanceof SolverResult.Found f)
            || !f.recurrence().formula().equals(masked.recurrence().formula()));
  }

  @Test
  void tooFewTermsForAnyShapeSaysSo() {
    SolverResult r = PR.find(SeqScorer.of(Sequences.factorial(6), SeqConfig.defaults()));
    SolverResult.NoneFound none = assertInstanceOf(SolverResult.NoneFound.class, r);
    assertTrue(none.reason().startsWith("too few training terms"), none.reason());
  }
}
