package numevo.targets.seq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import numevo.dsl.eval.Batch;
import numevo.dsl.eval.ColumnarEvaluator;
import numevo.dsl.program.Program;
import numevo.dsl.text.Parser;
import numevo.targets.Baseline;
import numevo.targets.Metric;
import numevo.targets.Score;
import numevo.targets.ScoreOptions;
import numevo.targets.Scorer;
import numevo.targets.TargetException;
import numevo.targets.TargetParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeqTargetTest {

  private static final String FIB =
      "0,1,1,2,3,5,8,13,21,34,55,89,144,233,377,610,987,1597,2584,4181,6765,10946,17711";

  @TempDir Path dir;

  private static SeqTarget create(Map<String, String> params) {
    return (SeqTarget) SeqTargets.entry().create(TargetParams.of(params));
  }

  @Test
  void anyKernelInTheConventionIsScoredOnEveryTerm() {
    SeqTarget t = create(Map.of("terms", FIB));
    Program step =
        Parser.parse(
            "kernel fib float64\ninput a1 : int\ninput a2 : int\nr = add a1 a2\noutput r\n", "fib");
    Score s = t.score(step, ScoreOptions.of());
    // 23 terms: 16 for training, 7 held out; the first 2 are initial terms, which an order-2
    // recurrence takes from the data: no misses.
    assertEquals(0, s.error());
    assertEquals(2, s.value("initial_terms").getAsDouble());
    assertEquals(14, s.value(Metric.TRAIN_MATCHED).getAsDouble());
    assertEquals(7, s.value(Metric.HELDOUT_MATCHED).getAsDouble());
    assertEquals(1, s.value("predicts_heldout").getAsDouble());
    assertEquals(1, s.ops());
  }

  @Test
  void theSearchSignatureTakesTheIndexAndTwoTermsAndItsOutputsScoreTheSame() {
    SeqTarget t = create(Map.of("terms", FIB));
    Program k =
        Parser.parse(
            "kernel fib float64\ninput n : int\ninput a1 : int\ninput a2 : int\n"
                + "s = add a1 a2\noutput s\n",
            "f");
    assertTrue(t.signature().accepts(k));
    Scorer sc = t.scorer(ScoreOptions.of());
    ColumnarEvaluator ev = ColumnarEvaluator.of(k, sc.points());
    Batch out = ev.newOutputBatch();
    ev.evaluate(sc.inputs(), out, sc.points());
    assertEquals(sc.score(k), sc.score(k, out));
    // The same metrics; a search's scorer minimizes the training loss, a user's score reports
    // the count of training terms missed.
    assertEquals(t.score(k, ScoreOptions.of()).metrics(), sc.score(k).metrics());
    assertEquals(SeqTarget.TRAIN_LOSS, sc.score(k).objective());
    assertEquals(SeqTarget.TRAIN_MISSED, t.score(k, ScoreOptions.of()).objective());
    assertEquals(List.of("n", "a1", "a2"), t.inputNames());
  }

  @Test
  void theBaselinesAreWhatTheSolversFind() {
    SeqTarget t = create(Map.of("terms", FIB + ",28657,46368,75025,121393,196418"));
    List<Baseline> b = t.baselines();
    assertEquals(
        List.of("berlekamp-massey", "p-recursive"), b.stream().map(Baseline::name).toList());
    assertEquals("a(n) = a(n-1) + a(n-2)", b.get(0).summary());
  }

  @Test
  void dataComesFromAStrippedFileOrATableWithItsOffset() throws IOException {
    Path stripped = dir.resolve("s.txt");
    Files.writeString(stripped, "A000045 ," + FIB + ",\n");
    SeqTarget a = create(Map.of("data", stripped.toString(), "id", "A000045", "holdout", "3"));
    assertEquals(3, a.seqScorer().split().heldOut());
    Path table = dir.resolve("t.tsv");
    Files.writeString(table, "A000045\tFibonacci\t5\t" + FIB + "\n");
    SeqTarget b = create(Map.of("data", table.toString(), "id", "A000045"));
    assertEquals(5, b.seqScorer().split().data().offset());
  }

  @Test
  void anExactRecurrenceMissesNoTrainingTermButItsSearchLossCountsItsInitialTerms() {
    SeqTarget t = create(Map.of("terms", FIB));
    Program order1 =
        Parser.parse("kernel dbl float64\ninput a1 : int\nr = add a1 a1\noutput r\n", "dbl");
    Program fib =
        Parser.parse(
            "kernel fib float64\ninput a1 : int\ninput a2 : int\nr = add a1 a2\noutput r\n", "fib");
    assertEquals(0, t.score(fib, ScoreOptions.of()).error());
    assertEquals(2.0, t.score(fib, ScoreOptions.of()).value(SeqTarget.TRAIN_LOSS).getAsDouble());
    // 0, 0, 0...: wrong from a(1) = 1 on; its one initial term is no miss.
    Score wrong = t.score(order1, ScoreOptions.of());
    assertEquals(15, wrong.error());
    assertEquals(0, wrong.value(Metric.TRAIN_MATCHED).getAsDouble());
  }

  @Test
  void tooFewTermsAndTooLargeAHoldoutAreUsageErrorsNamingTheFlag() {
    TargetException few = assertThrows(TargetException.class, () -> create(Map.of("terms", "1,2")));
    assertEquals(
        "seq: --terms gives 2 terms; at least 3 are needed (a third of the terms, at least one,"
            + " is held out to check a recurrence's predictions)",
        few.getMessage());
    assertTrue(few.aboutUsage());
    TargetException big =
        assertThrows(TargetException.class, () -> create(Map.of("terms", FIB, "holdout", "19")));
    assertEquals(
        "seq: --holdout 19 is more than the 7 terms 23 terms can hold out (at most a third, so"
            + " that two thirds train)",
        big.getMessage());
    assertTrue(big.aboutUsage());
    assertEquals(7, create(Map.of("terms", FIB, "holdout", "7")).seqScorer().split().heldOut());
    // The default (10) is lowered to a third without complaint.
    assertEquals(7, create(Map.of("terms", FIB)).seqScorer().split().heldOut());
  }

  @Test
  void badParametersAreOneLineErrors() {
    assertMessage("seq needs --terms A,B,... or --data FILE --id ID", Map.of());
    assertMessage(
        "seq: give either --terms or --data with --id, not both",
        Map.of("terms", "1,2", "data", "x"));
    assertMessage("seq: --data needs --id (e.g. --id A000045)", Map.of("data", "x"));
    assertMessage(
        "seq: --holdout must be a nonnegative integer, got '-1'",
        Map.of("terms", "1", "holdout", "-1"));
    assertMessage("--terms: term 2 'b' is not an integer", Map.of("terms", "1,b"));
    assertMessage(
        "seq: order 5 needs more initial terms than the 5 training terms",
        Map.of("terms", "1,2,3,4,5,6,7", "order", "5"));
    TargetException e =
        assertThrows(
            TargetException.class,
            () -> SeqTargets.entry().create(TargetParams.of(Map.of("terms", "1", "points", "3"))));
    assertTrue(e.getMessage().startsWith("target seq takes no parameter --points"), e.getMessage());
  }

  @Test
  void aKernelOutsideTheConventionIsATargetError() {
    SeqTarget t = create(Map.of("terms", FIB));
    Program f = Parser.parse("kernel k float64\ninput x : f\noutput x\n", "k");
    TargetException e = assertThrows(TargetException.class, () -> t.score(f, ScoreOptions.of()));
    assertTrue(
        e.getMessage()
            .startsWith("kernel 'k' does not fit target seq: a recurrence takes int inputs only"),
        e.getMessage());
    assertTrue(e.aboutKernel(), "a kernel problem, for the CLI to say where the kernel is");
  }

  private static void assertMessage(String expected, Map<String, String> params) {
    TargetException e = assertThrows(TargetException.class, () -> create(params));
    assertEquals(expected, e.getMessage());
  }
}
