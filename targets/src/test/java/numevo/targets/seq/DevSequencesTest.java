package numevo.targets.seq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The 17 sequences of ../shared/data/sequences/dev.tsv, where that file exists. */
class DevSequencesTest {

  @Test
  void theClassicalSolversRecoverAllButTheNonlinearOnesAndTheControl() {
    var shared = Sequences.shared();
    assumeTrue(shared.isPresent(), "skipped: no ../shared next to the repository");
    Path file = shared.get().resolve("data/sequences/dev.tsv");
    BerlekampMassey bm = BerlekampMassey.of(BmConfig.defaults());
    PRecursiveGuesser pr = PRecursiveGuesser.of(PRecConfig.defaults());
    List<String> notRecovered = new ArrayList<>();
    List<String> foundButWrong = new ArrayList<>();
    for (SequenceData d : SequenceFiles.readTable(file)) {
      SeqScorer scorer = SeqScorer.of(d, SeqConfig.defaults());
      SolverResult a = bm.find(scorer);
      SolverResult b = pr.find(scorer);
      if (!a.predictsHeldOut() && !b.predictsHeldOut()) {
        notRecovered.add(d.id());
      }
      for (SolverResult r : List.of(a, b)) {
        if (r instanceof SolverResult.Found && !r.predictsHeldOut()) {
          foundButWrong.add(d.id() + " " + r.solver());
        }
      }
    }
    // Sylvester and Somos-4 are nonlinear; Bell is the control.
    assertEquals(List.of("A000058", "A006720", "A000110"), notRecovered);
    assertEquals(List.of(), foundButWrong);
  }
}
