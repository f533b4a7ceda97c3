package numevo.targets.lmul;

import java.util.List;
import numevo.dsl.program.Op;
import numevo.dsl.program.Program;
import numevo.targets.CostModel;

/**
 * The cost of a kernel.
 *
 * @param ops number of live instructions
 * @param energyPj estimated energy of one evaluation, in the cost model's unit (pJ for {@link
 *     LmulCosts#horowitz45nm})
 * @param outsidePrimitives the live ops outside {@link LmulPrimitives#OPS} (copied); empty for a
 *     kernel a search may produce
 */
public record KernelCost(int ops, double energyPj, List<Op> outsidePrimitives) {
  public KernelCost {
    outsidePrimitives = List.copyOf(outsidePrimitives);
  }

  /** The cost of {@code kernel} under {@code energy}. */
  public static KernelCost of(Program kernel, CostModel energy) {
    return new KernelCost(
        LmulPrimitives.liveOps(kernel), energy.cost(kernel), LmulPrimitives.violations(kernel));
  }

  /** Whether the kernel keeps to the primitive set. */
  public boolean inPrimitiveSet() {
    return outsidePrimitives.isEmpty();
  }
}
