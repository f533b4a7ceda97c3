/**
 * The search: Jenetics evolution over typed straight-line kernel programs.
 *
 * <ul>
 *   <li>{@link numevo.evolver.genome}: the genotype (one immutable {@link
 *       numevo.dsl.program.Program} per gene), random kernels and the program edits that mutate and
 *       recombine them, each giving a valid program by construction;
 *   <li>{@link numevo.evolver.alter}: the Jenetics alterers wrapping those edits;
 *   <li>{@link numevo.evolver.fitness}: fitness, costs, objectives and the run's Pareto front;
 *   <li>{@link numevo.evolver.hash}: functional hashing of programs for the equivalence cache;
 *   <li>{@link numevo.evolver.search}: the islands, the cached evaluator and the search loop.
 * </ul>
 */
package numevo.evolver;
