package numevo.evolver.tune;

import java.util.Objects;
import numevo.dsl.program.Program;

/**
 * The result of tuning one kernel's constants.
 *
 * @param program the best kernel found (the input itself if nothing improved it)
 * @param error its error
 * @param evaluations scorings spent, the integer climb's included
 * @param intEvaluations scorings spent by the integer climb, {@code <= evaluations}
 */
public record Tuned(Program program, double error, long evaluations, long intEvaluations) {

  /** Checks the program is present. */
  public Tuned {
    Objects.requireNonNull(program, "program");
  }

  /** A tuning without an integer climb. */
  public Tuned(Program program, double error, long evaluations) {
    this(program, error, evaluations, 0);
  }
}
