package numevo.targets.seq;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/** What a classical solver returns: a recurrence, or an honest "none found" with the reason. */
public sealed interface SolverResult {

  /** The solver's name. */
  String solver();

  /** Whether a recurrence was found and predicts every held-out term. */
  boolean predictsHeldOut();

  /**
   * A recurrence that reproduces every training term after its initial ones.
   *
   * @param solver the solver's name
   * @param recurrence the kernel, its start and its formula
   * @param initialTerms the first {@code recurrence.start()} terms, from the data (copied)
   * @param score its score on the whole split, held-out terms included
   */
  record Found(String solver, Recurrence recurrence, List<BigInteger> initialTerms, SeqScore score)
      implements SolverResult {
    public Found {
      Objects.requireNonNull(solver, "solver");
      Objects.requireNonNull(recurrence, "recurrence");
      Objects.requireNonNull(score, "score");
      initialTerms = List.copyOf(initialTerms);
    }

    @Override
    public boolean predictsHeldOut() {
      return score.predictsHeldOut();
    }
  }

  /**
   * No recurrence of the solver's kind was found within its bounds.
   *
   * @param solver the solver's name
   * @param reason why, one line
   */
  record NoneFound(String solver, String reason) implements SolverResult {
    public NoneFound {
      Objects.requireNonNull(solver, "solver");
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public boolean predictsHeldOut() {
      return false;
    }
  }
}
