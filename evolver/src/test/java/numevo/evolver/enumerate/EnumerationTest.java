package numevo.evolver.enumerate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Input;
import numevo.dsl.program.Type;
import numevo.targets.ScoreOptions;
import numevo.targets.Scorer;
import numevo.targets.floats.FloatTargets;
import org.junit.jupiter.api.Test;

class EnumerationTest {
  private static final List<Input> X = List.of(Input.of("x", Type.F));

  private static List<EnumerationLevel> run(int threads) {
    Scorer scorer = FloatTargets.exp2Real().scorer(ScoreOptions.training(1024, 1));
    return Enumeration.run(
        scorer,
        NumberFormat.FLOAT64,
        X,
        Enumeration.Config.of(EnumSet.allOf(BinOp.class), 3, 1, threads),
        l -> {});
  }

  @Test
  void enumeratingExp2RealUpToThreeOpsFindsTheLineAndTheRational() {
    List<EnumerationLevel> levels = run(2);
    assertEquals(3, levels.size());
    assertEquals(List.of(5, 29, 543), levels.stream().map(EnumerationLevel::shapes).toList());
    // The best 2-op kernels are c1 / (c0 - x) and the line, both near 2.98e-2.
    assertTrue(levels.get(1).best().get(0).error() < 2.99e-2, "2 ops");
    // c2 + c1 / (x + c0), below AutoNumerics-Zero's 1.2266e-3 at 3 ops.
    assertTrue(levels.get(2).best().get(0).error() < 8.8e-4, "3 ops");
    for (EnumerationLevel l : levels) {
      assertEquals(l.shapes(), l.fitted());
      for (EnumeratedKernel k : l.best()) {
        assertEquals(l.ops(), k.program().body().size());
      }
    }
  }

  @Test
  void theThreadCountDoesNotChangeTheResult() {
    List<EnumerationLevel> a = run(1);
    List<EnumerationLevel> b = run(2);
    for (int i = 0; i < a.size(); i++) {
      for (int j = 0; j < a.get(i).best().size(); j++) {
        assertEquals(a.get(i).best().get(j).program(), b.get(i).best().get(j).program());
      }
    }
  }
}
