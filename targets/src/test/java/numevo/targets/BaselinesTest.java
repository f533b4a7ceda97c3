package numevo.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import numevo.targets.floats.FloatTargets;
import org.junit.jupiter.api.Test;

/** Every built-in target's baselines load, fit its signature, and the good ones are good. */
class BaselinesTest {

  @Test
  void everyBaselineFitsItsTarget() {
    for (TargetEntry e : Targets.builtIn()) {
      Target t = e.create(TargetParams.none());
      for (Baseline b : t.baselines()) {
        assertTrue(t.signature().accepts(b.program()), e.name() + "/" + b.name());
        assertFalse(b.summary().isEmpty(), e.name() + "/" + b.name());
      }
    }
  }

  @Test
  void exp2PolynomialsOfDegreeSixAndUpAreUnderOneUlpOnASample() {
    Target t = FloatTargets.exp2();
    ScoreOptions o = ScoreOptions.of().withPoints(50_000);
    for (Baseline b : t.baselines()) {
      double max = t.score(b.program(), o).error();
      if (b.name().endsWith("_fma") && !b.name().contains("5")) {
        assertTrue(max < 1, b.name() + ": " + max);
      }
      assertTrue(max < 2.5, b.name() + ": " + max);
    }
  }

  @Test
  void costModelCountsLiveOpsOnly() {
    Baseline h6 = FloatTargets.exp2().baselines().get(2);
    assertEquals("horner6_fma", h6.name());
    assertEquals(6, FloatTargets.exp2().costModel().ops(h6.program()));
    assertEquals(24.0, FloatTargets.exp2().costModel().cost(h6.program()));
  }
}
