package numevo.targets.lmul;

import java.util.List;
import java.util.Set;
import numevo.dsl.format.NumberFormat;
import numevo.targets.TargetEntry;
import numevo.targets.TargetParams;

/**
 * The registry entries of the L-Mul targets, for {@link numevo.targets.Targets}: {@code
 * all.addAll(LmulTargets.entries())}.
 */
public final class LmulTargets {
  private LmulTargets() {}

  /**
   * {@code lmul-e4m3}, {@code lmul-e5m2} and {@code lmul-bf16}, with their defaults; each takes the
   * parameters {@code --train all|normal} and {@code --loss real|exact} ({@link
   * LmulTarget#of(LmulConfig, TargetParams)}). The default targets are built once and shared.
   */
  public static List<TargetEntry> entries() {
    return List.of(
        entry(NumberFormat.E4M3FN), entry(NumberFormat.E5M2), entry(NumberFormat.BFLOAT16));
  }

  private static TargetEntry entry(NumberFormat format) {
    LmulConfig config = LmulConfig.of(format);
    LmulTarget shared = LmulTarget.of(config);
    return new TargetEntry(
        shared.name(),
        shared.summary(),
        Set.of(LmulTarget.TRAIN, LmulTarget.LOSS_PARAM),
        p -> p.isEmpty() ? shared : LmulTarget.of(config, p));
  }
}
