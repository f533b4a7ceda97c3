package numevo.evolver.fitness;

import numevo.dsl.program.Program;

/**
 * Measures a kernel's error on the search's target. The search's only view of a target until the
 * targets module supplies one; implementations must be thread-safe and deterministic (the same
 * program always gives the same error bits), since candidates are scored in parallel and results
 * must not depend on which thread scored them.
 */
@FunctionalInterface
public interface CandidateScorer {

  /**
   * The error of a kernel, lower is better.
   *
   * @param program a kernel of the search's genome
   * @return its error, {@code >= 0}; {@code +Inf} or NaN if the kernel is invalid on the target
   * @throws numevo.dsl.eval.EvaluationException if its evaluation is invalid (treated as {@code
   *     +Inf})
   */
  double error(Program program);

  /**
   * A smoother proxy of {@link #error} for the coarse phase of constant tuning (e.g. a root mean
   * square where the error is a maximum, which is flat almost everywhere in each constant); by
   * default the error itself. Same contract as {@link #error}.
   */
  default double coarseError(Program program) {
    return error(program);
  }

  /**
   * The number of points of {@link #residuals}; 0 (the default) when the scorer has no per-point
   * signed errors.
   */
  default int residualPoints() {
    return 0;
  }

  /**
   * The signed error at each training point, in the units of {@link #error} (ULPs, relative error),
   * for constant tuners that fit the whole error curve. By default there are none.
   *
   * @param program a kernel of the search's genome
   * @param out at least {@link #residualPoints()} long
   * @return whether {@code out} was filled: false if there are no residuals, or the kernel is
   *     invalid or wrong on a special value somewhere
   * @throws numevo.dsl.eval.EvaluationException if its evaluation is invalid
   */
  default boolean residuals(Program program, double[] out) {
    return false;
  }

  /**
   * One rounding error of the output format in the units of {@link #residuals} (1 for ULPs); NaN
   * without residuals.
   */
  default double residualResolution() {
    return Double.NaN;
  }
}
