package numevo.evolver.tune;

import java.util.Objects;
import numevo.dsl.program.Program;

/**
 * The result of tuning one kernel's constants.
 *
 * @param program the best kernel found (the input itself if nothing improved it)
 * @param error its error
 * @param evaluations scorings spent
 */
public record Tuned(Program program, double error, long evaluations) {

  /** Checks the program is present. */
  public Tuned {
    Objects.requireNonNull(program, "program");
  }
}
