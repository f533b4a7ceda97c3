package numevo.evolver.rank;

import java.util.Objects;
import numevo.evolver.fitness.FrontEntry;
import numevo.targets.Method;
import numevo.targets.Score;

/**
 * One kernel of a ranked front.
 *
 * @param entry the kernel after ranking (re-tuned or as found), with its cost as the search
 *     recorded it and its error on the search's own training sample
 * @param found the kernel as the search found it
 * @param check the score it is ranked by: exhaustive where it was verified, else on the ranking's
 *     larger sample
 * @param foundSampleError the kernel as found, on the larger sample
 */
public record Ranked(FrontEntry entry, FrontEntry found, Score check, double foundSampleError) {

  /** Checks the components are present. */
  public Ranked {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(found, "found");
    Objects.requireNonNull(check, "check");
  }

  /** Whether {@link #check} is exhaustive. */
  public boolean verified() {
    return check.method() == Method.EXHAUSTIVE;
  }

  /** Whether the ranking changed the kernel's constants. */
  public boolean retuned() {
    return !entry.program().equals(found.program());
  }

  /** The error it is ranked by: {@link #check}'s objective. */
  public double error() {
    return check.error();
  }
}
