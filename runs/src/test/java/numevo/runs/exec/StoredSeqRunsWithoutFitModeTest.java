package numevo.runs.exec;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import numevo.runs.store.RunSpec;
import org.junit.jupiter.api.Test;

/**
 * A seq run stored before recurrence fitting existed has no {@code fit} in its spec; it must resume
 * and replay as it ran, so such a spec fits nothing, while a new run records its mode.
 */
class StoredSeqRunsWithoutFitModeTest {
  private static final String CATALAN =
      "1,1,2,5,14,42,132,429,1430,4862,16796,58786,208012,742900,2674440,9694845,"
          + "35357670,129644790,477638700,1767263190,6564120420,24466267020,91482563640";

  private static RunSpec seq(Map<String, String> params) {
    return new RunSpec(
        "seq", params, Map.of(), 1, 1, 0, null, null, 2, null, null, null, null, null, null, null,
        null, List.of(), null, false, false, null, null);
  }

  @Test
  void aSpecWithoutFitModeFitsNothing() {
    RunPlan p = RunPlan.of(seq(Map.of("terms", CATALAN)), 1);
    assertTrue(p.fits().isEmpty(), p.fits().toString());
    assertFalse(p.notes().stream().anyMatch(n -> n.startsWith("fit:")), p.notes().toString());
  }

  @Test
  void aSpecWithFitModeAllSeedsTheFittedForm() {
    RunPlan p = RunPlan.of(seq(Map.of("terms", CATALAN, RunPlan.FIT, RunPlan.FIT_ALL)), 1);
    assertFalse(p.fits().isEmpty());
    assertTrue(p.notes().stream().anyMatch(n -> n.contains("(n + 1)")), p.notes().toString());
  }
}
