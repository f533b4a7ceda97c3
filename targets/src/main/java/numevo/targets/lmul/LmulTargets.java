package numevo.targets.lmul;

import java.util.List;
import numevo.dsl.format.NumberFormat;
import numevo.targets.TargetEntry;

/**
 * The registry entries of the L-Mul targets, for {@link numevo.targets.Targets}: {@code
 * all.addAll(LmulTargets.entries())}.
 */
public final class LmulTargets {
  private LmulTargets() {}

  /** {@code lmul-e4m3}, {@code lmul-e5m2} and {@code lmul-bf16}, with their defaults. */
  public static List<TargetEntry> entries() {
    return List.of(
        TargetEntry.of(LmulTarget.of(LmulConfig.of(NumberFormat.E4M3FN))),
        TargetEntry.of(LmulTarget.of(LmulConfig.of(NumberFormat.E5M2))),
        TargetEntry.of(LmulTarget.of(LmulConfig.of(NumberFormat.BFLOAT16))));
  }
}
