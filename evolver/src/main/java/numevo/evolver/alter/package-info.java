/**
 * The Jenetics alterers of kernels: {@link numevo.evolver.alter.ProgramMutator} (point edits, with
 * offspring that compute their parent's function mutated again) and {@link
 * numevo.evolver.alter.ProgramCrossover} (one-point crossover with rewiring). Jenetics' engine
 * chooses whom to alter; these classes only say how.
 */
package numevo.evolver.alter;
