/**
 * Targets: the problems numevo solves. A {@link numevo.targets.Target} defines a problem
 * completely: the kernel {@link numevo.targets.Signature} it takes, its domain and exact reference
 * (inside its scorers), its error metrics (a {@link numevo.targets.Score} of named {@link
 * numevo.targets.Metric}s), the {@link numevo.targets.PrimitiveSet} and {@link
 * numevo.targets.CostModel} a search may use, and the {@link numevo.targets.Baseline} kernels to
 * beat.
 *
 * <p>{@link numevo.targets.Targets} is the registry of built-in targets; a target family adds
 * itself with one {@link numevo.targets.TargetEntry} there. Float targets live in {@code
 * numevo.targets.floats} (and users add more with target files, see {@code docs/targets.md}).
 *
 * <p>Scoring is made for a search's inner loop: a {@link numevo.targets.Scorer} holds its sample
 * and the reference values computed once, scores a candidate with one columnar evaluation and a
 * loop over primitive arrays, and is reused (one per thread).
 */
package numevo.targets;
