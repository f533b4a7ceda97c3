package numevo.targets.lmul;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import numevo.dsl.eval.Batch;
import numevo.dsl.eval.ColumnarEvaluator;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Program;
import numevo.dsl.text.Parser;
import numevo.targets.Baseline;
import numevo.targets.Method;
import numevo.targets.Metric;
import numevo.targets.Score;
import numevo.targets.ScoreOptions;
import numevo.targets.Scorer;
import numevo.targets.Split;
import numevo.targets.TargetEntry;
import numevo.targets.TargetException;
import org.junit.jupiter.api.Test;

class LmulTargetTest {

  private static final LmulTarget E4M3 = LmulTarget.of(LmulConfig.of(NumberFormat.E4M3FN));
  private static final LmulTarget BF16 = LmulTarget.of(LmulConfig.of(NumberFormat.BFLOAT16));

  @Test
  void theEntriesAreTheThreeTargets() {
    assertEquals(LmulConfig.NAMES, LmulTargets.entries().stream().map(TargetEntry::name).toList());
  }

  @Test
  void anExhaustiveScoreCarriesTheLmulMetricsAndTheEnergyAsCost() {
    Score s =
        E4M3.score(LmulBaselines.load(NumberFormat.E4M3FN, "lmul"), ScoreOptions.exhaustive());
    assertEquals(Method.EXHAUSTIVE, s.method());
    assertEquals(65_536, s.points());
    assertTrue(s.seed().isEmpty());
    assertEquals(LmulTarget.LOSS, s.objective());
    assertEquals(19, s.ops());
    assertEquals(1.9, s.cost(), 1e-9);
    for (String key :
        List.of(
            Metric.EXACT_FRACTION, Metric.MEAN_REL_ERR, Metric.MAX_REL_ERR, "core_mean_rel_err")) {
      assertTrue(s.value(key).isPresent(), key);
    }
    // The default sample of an 8-bit target is the whole domain.
    assertEquals(s, E4M3.score(LmulBaselines.load(NumberFormat.E4M3FN, "lmul"), ScoreOptions.of()));
  }

  @Test
  void theExactProductHasTheLeastLossAndTheBitAddOnesMore() {
    double exact =
        E4M3.score(LmulBaselines.load(NumberFormat.E4M3FN, "exact"), ScoreOptions.of()).error();
    double lmul =
        E4M3.score(LmulBaselines.load(NumberFormat.E4M3FN, "lmul"), ScoreOptions.of()).error();
    Program nan =
        Parser.parse(
            "kernel k e4m3fn\ninput a : i32\ninput b : i32\nr = or a 127\noutput r\n", "k");
    double allNaN = E4M3.score(nan, ScoreOptions.of()).error();
    assertTrue(exact < lmul && lmul < allNaN, exact + " " + lmul + " " + allNaN);
  }

  @Test
  void outputsComputedElsewhereScoreTheSame() {
    Program k = LmulBaselines.load(NumberFormat.BFLOAT16, "mitchell");
    Scorer sc = BF16.scorer(ScoreOptions.of());
    Batch in = sc.inputs();
    ColumnarEvaluator ev = ColumnarEvaluator.of(k, sc.points());
    Batch out = ev.newOutputBatch();
    ev.evaluate(in, out, sc.points());
    assertEquals(sc.score(k), sc.score(k, out));
    assertEquals(Method.SAMPLED, sc.score(k).method());
    assertEquals(LmulConfig.DEFAULT_SEED, sc.score(k).seed().orElseThrow());
  }

  @Test
  void theTrainingSplitOfBfloat16IsAnotherSample() {
    Scorer v = BF16.scorer(ScoreOptions.of());
    Scorer t = BF16.scorer(ScoreOptions.of().withSplit(Split.TRAINING));
    assertTrue(
        v.inputs().i32(0)[0] != t.inputs().i32(0)[0]
            || v.inputs().i32(1)[0] != t.inputs().i32(1)[0]);
  }

  @Test
  void bfloat16CannotBeScoredExhaustivelyAndAMisfitIsOneLine() {
    Program k = LmulBaselines.load(NumberFormat.BFLOAT16, "lmul");
    TargetException e =
        assertThrows(TargetException.class, () -> BF16.score(k, ScoreOptions.exhaustive()));
    assertTrue(e.getMessage().startsWith("lmul-bf16 cannot be scored exhaustively"));
    TargetException misfit =
        assertThrows(TargetException.class, () -> E4M3.score(k, ScoreOptions.of()));
    assertTrue(misfit.getMessage().contains("does not fit target lmul-e4m3"), misfit.getMessage());
  }

  @Test
  void theBaselinesAreSummarizedAndOnlyTheExactOneLeavesThePrimitives() {
    List<Baseline> b = E4M3.baselines();
    assertEquals(List.of("exact", "lmul", "mitchell"), b.stream().map(Baseline::name).toList());
    for (Baseline x : b) {
      assertTrue(!x.summary().isEmpty());
      assertEquals(!x.name().equals("exact"), E4M3.primitives().admits(x.program()), x.name());
    }
  }
}
