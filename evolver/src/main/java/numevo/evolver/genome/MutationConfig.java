package numevo.evolver.genome;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How {@link Mutations} chooses and sizes its edits.
 *
 * @param weights the relative weight of each kind (copied; a missing kind weighs 0); at least one
 *     positive, none negative or NaN
 * @param liveBias the chance, in {@code [0, 1]}, that an edit picks an instruction or literal among
 *     those some output depends on (when there is one) rather than among all: edits of dead code
 *     change no function
 * @param maxUlpSteps the most ULP steps of one {@link MutationKind#CONSTANT_ULP} edit, {@code >=
 *     1}; the count is geometric, one step half of the time
 * @param maxRelativeStep the largest relative scale of a {@link MutationKind#CONSTANT_RELATIVE}
 *     edit, in {@code (0, 1]}; the scale is log-uniform between {@code 1e-7} and this
 * @param wrapProbability the chance, in {@code [0, 1]}, that an inserted instruction takes as an
 *     operand the value its use site had (so {@code y = f(x)} becomes {@code y = g(f(x), ...)})
 */
public record MutationConfig(
    Map<MutationKind, Double> weights,
    double liveBias,
    int maxUlpSteps,
    double maxRelativeStep,
    double wrapProbability) {

  /**
   * Default weights: operand 2, insert 1.5, op 1, both constant edits 1, delete 1, duplicate 0.5,
   * output 0.3, guard 0; live bias 0.9; up to 16 ULP steps; relative steps up to 0.1; wrap 0.7.
   */
  public static final MutationConfig DEFAULT =
      new MutationConfig(
          Map.of(
              MutationKind.OP, 1.0,
              MutationKind.OPERAND, 2.0,
              MutationKind.OUTPUT, 0.3,
              MutationKind.CONSTANT_ULP, 1.0,
              MutationKind.CONSTANT_RELATIVE, 1.0,
              MutationKind.INSERT, 1.5,
              MutationKind.DELETE, 1.0,
              MutationKind.DUPLICATE, 0.5),
          0.9,
          16,
          0.1,
          0.7);

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException if a bound is violated
   */
  public MutationConfig {
    Objects.requireNonNull(weights, "weights");
    Map<MutationKind, Double> w = new EnumMap<>(MutationKind.class);
    double total = 0;
    for (MutationKind kind : MutationKind.values()) {
      double x = weights.getOrDefault(kind, 0.0);
      if (!(x >= 0) || Double.isInfinite(x)) {
        throw new IllegalArgumentException("weight of " + kind + " must be finite, >= 0: " + x);
      }
      w.put(kind, x);
      total += x;
    }
    if (total <= 0) {
      throw new IllegalArgumentException("every mutation weight is 0");
    }
    // Enum order, so that the manifest prints the same every run (Map.copyOf's order varies).
    weights = Collections.unmodifiableMap(w);
    if (!(liveBias >= 0 && liveBias <= 1)) {
      throw new IllegalArgumentException("liveBias must be in [0, 1]: " + liveBias);
    }
    if (maxUlpSteps < 1) {
      throw new IllegalArgumentException("maxUlpSteps must be >= 1: " + maxUlpSteps);
    }
    if (!(maxRelativeStep > 0 && maxRelativeStep <= 1)) {
      throw new IllegalArgumentException("maxRelativeStep must be in (0, 1]: " + maxRelativeStep);
    }
    if (!(wrapProbability >= 0 && wrapProbability <= 1)) {
      throw new IllegalArgumentException("wrapProbability must be in [0, 1]: " + wrapProbability);
    }
  }

  /** See the record's components. */
  public static MutationConfig of(
      Map<MutationKind, Double> weights,
      double liveBias,
      int maxUlpSteps,
      double maxRelativeStep,
      double wrapProbability) {
    return new MutationConfig(weights, liveBias, maxUlpSteps, maxRelativeStep, wrapProbability);
  }

  /** This configuration with only {@code kind} drawn (for tests of one edit). */
  public MutationConfig only(MutationKind kind) {
    return new MutationConfig(
        Map.of(kind, 1.0), liveBias, maxUlpSteps, maxRelativeStep, wrapProbability);
  }

  /** This configuration with one kind's weight changed. */
  public MutationConfig withWeight(MutationKind kind, double weight) {
    java.util.Map<MutationKind, Double> w = new EnumMap<>(weights);
    w.put(kind, weight);
    return withWeights(w);
  }

  /** This configuration with other weights. */
  public MutationConfig withWeights(Map<MutationKind, Double> weights) {
    return new MutationConfig(weights, liveBias, maxUlpSteps, maxRelativeStep, wrapProbability);
  }
}
