package numevo.targets.seq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import numevo.dsl.eval.Batch;
import numevo.dsl.program.Program;
import numevo.dsl.text.Parser;
import org.junit.jupiter.api.Test;

class SeqScorerTest {

  private static final SequenceData FIB =
      Sequences.linear("fib", new long[] {0, 1}, new long[] {1, 1}, 40);

  private static Program kernel(String body, String... inputs) {
    StringBuilder sb = new StringBuilder("kernel k float64\n");
    for (String in : inputs) {
      sb.append("input ").append(in).append(" : int\n");
    }
    return Parser.parse(sb + body + "\noutput r\n", "k");
  }

  @Test
  void theFibonacciStepReproducesEveryTermAndPredictsTheHeldOutOnes() {
    SeqScore s = SeqScorer.of(FIB, SeqConfig.defaults()).score(kernel("r = add a1 a2", "a1", "a2"));
    assertEquals(2, s.start());
    assertEquals(30, s.train());
    assertEquals(28, s.trainMatched());
    assertEquals(10, s.heldOutMatched());
    assertTrue(s.predictsHeldOut());
    assertEquals(1, s.size());
    assertTrue(s.failure().isEmpty());
  }

  @Test
  void termsCountFromTheStartUpToTheFirstMismatchAndHeldOutOnlyAfterAFullFit() {
    // Right until a(12) = 144, then one more.
    Program k = kernel("s = add a1 a2\nc = lt s 100\nt = add s 1\nr = select c s t", "a1", "a2");
    SeqScore s = SeqScorer.of(FIB, SeqConfig.defaults()).score(k);
    assertEquals(10, s.trainMatched()); // a(2) .. a(11)
    assertEquals(0, s.heldOutMatched());
    assertTrue(!s.fitsTraining());
  }

  @Test
  void aKernelMayUseTheIndexAndNoPreviousTerm() {
    SequenceData squares =
        Sequences.iterate(
            "squares", 1, BigInteger.ONE, 20, (p, n) -> BigInteger.valueOf((long) n * n));
    SeqScore s = SeqScorer.of(squares, SeqConfig.defaults()).score(kernel("r = mul n n", "n"));
    assertEquals(0, s.start());
    assertEquals(14, s.trainMatched());
    assertTrue(s.predictsHeldOut());
  }

  @Test
  void anInexactDivisionFailsAtItsTermAndKeepsTheTermsBefore() {
    // 64, 32, ..., 1, then a(n) = a(n-1) / 2 is inexact.
    List<BigInteger> t = new ArrayList<>();
    for (int i = 6; i >= 0; i--) {
      t.add(BigInteger.ONE.shiftLeft(i));
    }
    t.addAll(Sequences.values(1, 1, 1, 1, 1, 1, 1, 1));
    SeqScore s =
        SeqScorer.of(SequenceData.of("halves", 0, t), SeqConfig.defaults())
            .score(kernel("r = div a1 2", "a1"));
    assertEquals(6, s.trainMatched());
    assertEquals("invalid at a(7): inexact int division", s.failure().orElseThrow());
  }

  @Test
  void squaringFromTwoOverFortyTermsIsScoredOnTheDataNotOnItsOwnOutput() {
    // 2, 4, 16, ..., 2^128 (8 terms), then 32 terms growing by one: a(n) = a(n-1)^2 fits 7 terms.
    List<BigInteger> t = new ArrayList<>();
    t.add(BigInteger.TWO);
    for (int i = 1; i < 8; i++) {
      t.add(t.get(i - 1).pow(2));
    }
    while (t.size() < 40) {
      t.add(t.get(t.size() - 1).add(BigInteger.ONE));
    }
    SeqScorer scorer = SeqScorer.of(SequenceData.of("squares", 0, t), SeqConfig.defaults());
    Program square = kernel("r = mul a1 a1", "a1");
    SeqScore s = scorer.score(square);
    assertEquals(7, s.trainMatched());
    // What kept this cheap (it was a wall-clock bound): every position is evaluated once, on the
    // data's own previous term, never on the kernel's output (run forward, a(39) would have 2^39
    // bits). So no input has more bits than the data's largest term (129), and no value more than
    // twice that, well under the bound.
    Batch in = scorer.inputs(RecurrenceShape.of(square));
    assertEquals(t.size() - 1, in.capacity());
    for (int i = 0; i < t.size() - 1; i++) {
      assertEquals(t.get(i), in.get(0, i), "input of a(" + (i + 1) + ")");
    }
    assertEquals(129, SequenceData.of("squares", 0, t).maxBits());
    assertTrue(2 * 129 <= scorer.bitLimit());
    // Each training position after the 7 matched ones is a full miss: a(n-1)^2 is far from
    // a(n-1) + 1. The loss is the start plus one per such position.
    assertEquals(1.0 + (s.train() - 1 - 7), s.trainLoss());
  }

  @Test
  void aKernelThatCouldOutgrowTheDataIsRejectedBeforeItRuns() {
    // Thirty squarings in one step: 2^30 times the bits of a(n-1).
    StringBuilder body = new StringBuilder("x0 = mul a1 a1\n");
    for (int i = 1; i < 30; i++) {
      body.append("x")
          .append(i)
          .append(" = mul x")
          .append(i - 1)
          .append(" x")
          .append(i - 1)
          .append('\n');
    }
    body.append("r = add x29 0");
    SeqScorer scorer = SeqScorer.of(FIB, SeqConfig.defaults());
    SeqScore s = scorer.score(kernel(body.toString(), "a1"));
    // Rejected by the growth bound before any evaluation (that failure is decided before the
    // kernel runs; running it would build numbers of 2^30 times 26 bits), not timed.
    assertEquals(0, s.trainMatched());
    assertEquals(
        "values could exceed the bound of " + scorer.bitLimit() + " bits",
        s.failure().orElseThrow());
    // FIB's largest term has 26 bits: the bound is 2 * 26 + 256.
    assertEquals(308, scorer.bitLimit());
  }

  @Test
  void runningTheSquaringRecurrenceForwardStopsAtTheBound() {
    Recurrence square = Recurrence.of(kernel("r = mul a1 a1", "a1"));
    RecurrenceRunner.Run run =
        RecurrenceRunner.run(square, Sequences.values(2), 0, 40, 2 * 64 + 256);
    // 2^(2^k) has 2^k + 1 bits: a(8) = 2^256 has 257 and its square could reach 2 * 257 + 1.
    assertEquals(9, run.terms().size());
    assertEquals(BigInteger.ONE.shiftLeft(256), run.terms().get(8));
    // Nine terms, the largest of 257 bits: the run stopped at the bound, not after 40 squarings.
    assertTrue(run.stop().orElseThrow().startsWith("a(9) could exceed"), run.stop().get());
  }

  @Test
  void aRecurrenceNeedingMoreInitialTermsThanTheTrainingHoldIsAnError() {
    SequenceData d = SequenceData.of("three", 0, Sequences.values(1, 2, 3));
    Program k = kernel("r = add a1 a3", "a1", "a2", "a3");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> SeqScorer.of(d, SeqConfig.defaults()).score(k));
    assertTrue(e.getMessage().contains("needs 3 initial terms"), e.getMessage());
  }

  @Test
  void aKernelOutsideTheConventionIsRejectedWithOneLine() {
    Program floats = Parser.parse("kernel k float64\ninput x : f\nr = add x x\noutput r\n", "k");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Recurrence.of(floats));
    assertEquals(
        "k: a recurrence takes int inputs only (n, a1 .. ak); input x is f", e.getMessage());
  }

  @Test
  void onlyTheFirstInputNamedNIsTheIndex() {
    assertEquals(
        new RecurrenceShape(true, 2), RecurrenceShape.of(kernel("r = add a1 a2", "n", "a1", "a2")));
    assertEquals(
        new RecurrenceShape(false, 2), RecurrenceShape.of(kernel("r = add a1 n", "a1", "n")));
  }

  @Test
  void theTrainingLossIsTheStartForAFitAndCreditsCloseness() {
    SeqScorer scorer = SeqScorer.of(FIB, SeqConfig.defaults());
    SeqScore fit = scorer.score(kernel("r = add a1 a2", "a1", "a2"));
    assertEquals(2.0, fit.trainLoss());
    // Off by one everywhere is close; twice the last term is not; both miss every term.
    SeqScore close = scorer.score(kernel("s = add a1 a2\nr = add s 1:int", "a1", "a2"));
    SeqScore far = scorer.score(kernel("r = add a1 a1", "a1", "a2"));
    assertEquals(0, close.trainMatched());
    assertTrue(close.trainLoss() > 2 && close.trainLoss() < far.trainLoss());
    assertTrue(far.trainLoss() <= close.train());
  }
}
