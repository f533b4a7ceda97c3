package numevo.evolver.tune;

import numevo.dsl.program.Program;

/**
 * A kernel's signed error at each of a fixed set of points, for {@link MinimaxRefiner}.
 * Implementations are deterministic; thread-safe if the tuner is used from several threads.
 */
public interface Residuals {

  /** The number of points, {@code >= 1}. */
  int points();

  /** One rounding error of the output format in residual units: changes of this size are noise. */
  double resolution();

  /**
   * Fills {@code out[0 .. points())} with the signed error of {@code p} at each point.
   *
   * @return false if {@code p} has no finite residuals (invalid, or wrong on a special value)
   */
  boolean compute(Program p, double[] out);
}
