package numevo.evolver.enumerate;

import java.util.List;

/**
 * What an enumeration did at one op count.
 *
 * @param ops the op count
 * @param shapes the skeletons of that many ops
 * @param fitted how many of them were fitted before the time ran out
 * @param best the kept kernels, smallest training error first (copied)
 */
public record EnumerationLevel(int ops, int shapes, int fitted, List<EnumeratedKernel> best) {
  /** Copies. */
  public EnumerationLevel {
    best = List.copyOf(best);
  }
}
