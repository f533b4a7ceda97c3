package numevo.evolver.fitness;

import java.util.Objects;
import numevo.dsl.program.Program;

/**
 * A kernel on a Pareto front.
 *
 * @param program the kernel, without dead code
 * @param fitness its error and cost
 * @param generation the generation that found it (from 1)
 * @param island the island that found it (from 0)
 */
public record FrontEntry(Program program, Fitness fitness, long generation, int island) {

  /** Checks the program and fitness are present. */
  public FrontEntry {
    Objects.requireNonNull(program, "program");
    Objects.requireNonNull(fitness, "fitness");
  }

  /** See the record's components. */
  public static FrontEntry of(Program program, Fitness fitness, long generation, int island) {
    return new FrontEntry(program, fitness, generation, island);
  }
}
