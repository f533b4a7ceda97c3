/**
 * Ranking a search's front by what its kernels will be judged on: each front kernel is re-scored on
 * a larger sample, re-tuned on the worst inputs found (counterexample-guided) and, where the
 * target's domain can be enumerated, verified exhaustively, before the verified front keeps it
 * ({@link numevo.evolver.rank.FrontRanker}, under a {@link numevo.evolver.rank.RankPolicy}).
 */
package numevo.evolver.rank;
