/**
 * The search's view of the targets module: {@link numevo.evolver.target.TargetScorer} scores
 * candidates on a target's training sample, {@link numevo.evolver.target.TargetSearches} derives
 * the genome, cost model and hash ranges of a search from a target.
 */
package numevo.evolver.target;
