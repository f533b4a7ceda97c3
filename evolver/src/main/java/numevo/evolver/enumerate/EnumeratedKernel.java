package numevo.evolver.enumerate;

import java.util.Objects;
import numevo.dsl.program.Program;

/**
 * One kernel an enumeration kept: a skeleton with fitted constants.
 *
 * @param ops its op count
 * @param skeleton the shape
 * @param program the shape with its constants
 * @param fitError the maximum |error| on the fitting points
 * @param error the target's objective on the whole training sample (what a search would see)
 */
public record EnumeratedKernel(
    int ops, Skeleton skeleton, Program program, double fitError, double error) {
  /** Checks presence. */
  public EnumeratedKernel {
    Objects.requireNonNull(skeleton, "skeleton");
    Objects.requireNonNull(program, "program");
  }
}
