package numevo.targets.floats;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import numevo.targets.Baseline;
import numevo.targets.CostModel;
import numevo.targets.PrimitiveSet;

/**
 * Everything that defines a float target: the configuration record of {@link FloatTarget}.
 *
 * @param name the name users type, never null
 * @param summary one line, never null
 * @param domain the inputs; its format is the kernels' format, never null
 * @param reference the exact reference, in the domain's format, never null
 * @param metric the objective: ULP or relative error, never null
 * @param plan how samples are drawn, never null
 * @param primitives the ops a search may use, never null
 * @param costModel how cost is counted, never null
 * @param baselines the shipped kernels, loaded on first use, never null
 */
public record FloatTargetSpec(
    String name,
    String summary,
    FloatDomain domain,
    FloatReference reference,
    ErrorMetric metric,
    SamplePlan plan,
    PrimitiveSet primitives,
    CostModel costModel,
    Supplier<List<Baseline>> baselines) {

  /** The error a float target's search minimizes. */
  public enum ErrorMetric {
    /** Max error in ULPs of the exact value ({@link Ulp}). */
    ULP,
    /** Max relative error |result - exact| / |exact|. */
    REL
  }

  public FloatTargetSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(primitives, "primitives");
    Objects.requireNonNull(costModel, "costModel");
    Objects.requireNonNull(baselines, "baselines");
    if (reference.format() != domain.format()) {
      throw new IllegalArgumentException(
          "reference rounds to " + reference.format() + " but the domain is " + domain.format());
    }
  }
}
