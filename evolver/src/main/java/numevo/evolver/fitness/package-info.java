/**
 * Fitness of kernels: {@link numevo.evolver.fitness.Fitness} (error and cost, both minimized), the
 * {@link numevo.evolver.fitness.CostModel}, the {@link numevo.evolver.fitness.CandidateScorer}
 * through which the search sees a target, the {@link numevo.evolver.fitness.Objective} modes and
 * their Jenetics {@link numevo.evolver.fitness.Ranking}s, and the run's {@link
 * numevo.evolver.fitness.KernelFront}.
 */
package numevo.evolver.fitness;
