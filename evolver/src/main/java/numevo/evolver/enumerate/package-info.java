/**
 * Exhaustive enumeration of small kernels: {@link numevo.evolver.enumerate.SkeletonEnumerator}
 * lists every straight-line shape of up to N binary float ops (add, sub, mul, div) over the inputs
 * and free constants, up to the symmetries it knows; {@link
 * numevo.evolver.enumerate.SkeletonFitter} fits a shape's constants to the minimax of the target's
 * own signed error; {@link numevo.evolver.enumerate.Enumeration} runs both over a target's training
 * sample and keeps the best kernels of each op count (seeds for a search, or results on their own);
 * {@link numevo.evolver.enumerate.Composition} composes kernels {@code core(inner(x))^(2^k)} from
 * inner maps, kept shapes and squarings, polished by {@link
 * numevo.evolver.enumerate.MinimaxPolisher}.
 */
package numevo.evolver.enumerate;
