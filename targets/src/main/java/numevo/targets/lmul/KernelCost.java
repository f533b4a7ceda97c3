package numevo.targets.lmul;

import java.util.List;
import numevo.dsl.program.Op;
import numevo.dsl.program.Program;

/**
 * The cost of a kernel.
 *
 * @param ops number of live instructions
 * @param energyPj estimated energy of one evaluation in pJ; NaN if some op has no estimate
 * @param outsidePrimitives the live ops outside {@link LmulPrimitives#OPS} (copied); empty for a
 *     kernel a search may produce
 */
public record KernelCost(int ops, double energyPj, List<Op> outsidePrimitives) {
  public KernelCost {
    outsidePrimitives = List.copyOf(outsidePrimitives);
  }

  /** The cost of {@code kernel} under {@code energy}. */
  public static KernelCost of(Program kernel, EnergyModel energy) {
    return new KernelCost(
        LmulPrimitives.liveOps(kernel), energy.estimate(kernel), LmulPrimitives.violations(kernel));
  }

  /** Whether the kernel keeps to the primitive set. */
  public boolean inPrimitiveSet() {
    return outsidePrimitives.isEmpty();
  }
}
