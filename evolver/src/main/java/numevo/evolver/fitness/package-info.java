/**
 * Fitness of kernels: {@link numevo.evolver.fitness.Fitness} (error and cost, both minimized, the
 * cost by the targets module's {@link numevo.targets.CostModel}), the {@link
 * numevo.evolver.fitness.CandidateScorer} through which the search sees a target, the {@link
 * numevo.evolver.fitness.Objective} modes and their Jenetics {@link
 * numevo.evolver.fitness.Ranking}s, and the run's {@link numevo.evolver.fitness.KernelFront}.
 */
package numevo.evolver.fitness;
