/**
 * The search's view of the targets module: {@link numevo.evolver.problem.TargetScorer} scores
 * candidates on a target's training sample, {@link numevo.evolver.problem.TargetSearches} derives
 * the genome, cost model and hash ranges of a search from a target; {@link
 * numevo.evolver.problem.SeqSearches} is what a search of the sequence target adds: its fitted
 * starting kernels and the order and size limits that hold them.
 */
package numevo.evolver.problem;
