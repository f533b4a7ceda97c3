package numevo.evolver.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import numevo.dsl.program.Program;
import numevo.targets.Baseline;
import numevo.targets.seq.BerlekampMassey;
import numevo.targets.seq.RecurrenceShape;
import numevo.targets.seq.SeqConfig;
import numevo.targets.seq.SeqTarget;
import numevo.targets.seq.SequenceData;
import org.junit.jupiter.api.Test;

class SeqSearchesTest {

  /** 40 terms of a(n) = a(n-1) - a(n-4) + 2 a(n-6) + a(n-8). */
  static SequenceData order8() {
    List<BigInteger> a = new ArrayList<>();
    for (long x : new long[] {1, 0, 2, -1, 3, 0, 1, 5}) {
      a.add(BigInteger.valueOf(x));
    }
    while (a.size() < 40) {
      int n = a.size();
      a.add(a.get(n - 1).subtract(a.get(n - 4)).add(a.get(n - 6).shiftLeft(1)).add(a.get(n - 8)));
    }
    return SequenceData.of("order8", 0, a);
  }

  private static Program bm(SeqTarget t) {
    for (Baseline b : t.baselines()) {
      if (b.name().equals(BerlekampMassey.NAME)) {
        return b.program();
      }
    }
    throw new AssertionError("no Berlekamp-Massey fit");
  }

  @Test
  void theOrderRisesToHoldASolversFitOfOrderEight() {
    SeqTarget t = SeqTarget.of(order8(), SeqConfig.defaults(), 4);
    Program fit = bm(t);
    assertEquals(8, RecurrenceShape.of(fit).order());
    assertEquals(8, SeqSearches.order(t, List.of(fit)));
    assertEquals(4, SeqSearches.order(t, List.of()));
  }

  @Test
  void theOrderStaysBelowTheTrainingTerms() {
    SequenceData shortOne = SequenceData.of("s", 0, order8().terms().subList(0, 12));
    SeqTarget t = SeqTarget.of(shortOne, SeqConfig.defaults(), 4);
    SeqTarget longer = SeqTarget.of(order8(), SeqConfig.defaults(), 4);
    // 12 terms hold out 4: 8 training terms, so at most order 7.
    assertEquals(7, SeqSearches.order(t, List.of(bm(longer))));
  }

  @Test
  void theSizeLimitRisesToHoldTheLargestKernel() {
    SeqTarget t = SeqTarget.of(order8(), SeqConfig.defaults(), 4);
    Program fit = bm(t);
    assertEquals(fit.body().size(), SeqSearches.maxSize(1, List.of(fit)));
    assertEquals(12, SeqSearches.maxSize(12, List.of(fit)));
  }

  @Test
  void theFormFitterFitsTheOrderEightRecurrenceOnItsOwn() {
    SeqTarget t = SeqTarget.of(order8(), SeqConfig.defaults(), 4);
    var fits = SeqSearches.fits(t);
    assertFalse(fits.isEmpty());
    assertTrue(fits.get(0).score().predictsHeldOut());
    assertEquals(8, SeqSearches.order(t, SeqSearches.kernels(fits)));
  }
}
