/**
 * The search's view of the targets module: {@link numevo.evolver.problem.TargetScorer} scores
 * candidates on a target's training sample, {@link numevo.evolver.problem.TargetSearches} derives
 * the genome, cost model and hash ranges of a search from a target.
 */
package numevo.evolver.problem;
