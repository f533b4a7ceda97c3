package numevo.targets.floats;

import java.util.List;
import java.util.Objects;

/**
 * How a float target draws its samples. A sample holds the special points that lie in the domain
 * (once each, first), then points drawn uniformly over the domain's codes (each float equally
 * likely: dense near zero, as an exhaustive check weighs them) with probability {@code
 * codeFraction}, else uniformly over the real interval {@code valueRange} and rounded to the format
 * (where the function's shape is).
 *
 * @param specials points always included when in the domain (copied)
 * @param codeFraction the share of code-uniform points, in [0, 1]
 * @param valueRange the interval of value-uniform points, finite; ignored if {@code codeFraction}
 *     is 1
 */
public record SamplePlan(List<Double> specials, double codeFraction, Interval valueRange) {

  public SamplePlan {
    specials = List.copyOf(specials);
    Objects.requireNonNull(valueRange, "valueRange");
    if (!(codeFraction >= 0 && codeFraction <= 1)) {
      throw new IllegalArgumentException("codeFraction must be in [0, 1], got " + codeFraction);
    }
    if (!Double.isFinite(valueRange.lo()) || !Double.isFinite(valueRange.hi())) {
      throw new IllegalArgumentException("valueRange must be finite, got " + valueRange);
    }
  }

  public static SamplePlan of(List<Double> specials, double codeFraction, Interval valueRange) {
    return new SamplePlan(specials, codeFraction, valueRange);
  }

  /** A quarter code-uniform, three quarters value-uniform over {@code valueRange}. */
  public static SamplePlan mixed(List<Double> specials, Interval valueRange) {
    return new SamplePlan(specials, 0.25, valueRange);
  }

  /** Only code-uniform points (log-uniform in effect): for domains spanning many binades. */
  public static SamplePlan codes(List<Double> specials) {
    return new SamplePlan(specials, 1.0, Interval.closed(0, 0));
  }
}
