package numevo.runs.exec;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import numevo.dsl.program.Program;
import numevo.dsl.text.Parser;
import numevo.evolver.fitness.Fitness;
import numevo.evolver.fitness.FrontEntry;
import numevo.targets.TargetParams;
import numevo.targets.seq.SeqTarget;
import numevo.targets.seq.SeqTargets;
import org.junit.jupiter.api.Test;

/** The seq verdict claims recovery only for a kernel that predicted held-out terms. */
class SeqVerdictTest {

  private static final String FIB = "0,1,1,2,3,5,8,13,21,34,55,89,144,233,377,610,987,1597";

  private static final Program STEP =
      Parser.parse(
          "kernel fib float64\ninput a1 : int\ninput a2 : int\nr = add a1 a2\noutput r\n", "fib");

  private static SeqVerdict verdict(String holdout) {
    SeqTarget t = SeqTargets.create(TargetParams.of(Map.of("terms", FIB, "holdout", holdout)));
    return SeqVerdict.of(t, List.of(new FrontEntry(STEP, Fitness.of(2, 1), 0, 0)));
  }

  @Test
  void withoutHeldOutTermsAFitIsUncheckedNotRecovered() {
    SeqVerdict v = verdict("0");
    assertFalse(v.recovered());
    assertTrue(v.text().contains("verdict: unchecked (no term is held out"), v.text());
    assertFalse(v.text().contains("recovered"), v.text());
  }

  @Test
  void aFitThatPredictsTheHeldOutTermsIsRecovered() {
    SeqVerdict v = verdict("6");
    assertTrue(v.recovered());
    assertTrue(v.text().contains("verdict: recovered (predicts all 6 held-out terms)"), v.text());
  }
}
