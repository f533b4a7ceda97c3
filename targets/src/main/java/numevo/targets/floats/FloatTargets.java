package numevo.targets.floats;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import numevo.dsl.format.NumberFormat;
import numevo.targets.Baseline;
import numevo.targets.Baselines;
import numevo.targets.CostModels;
import numevo.targets.PrimitiveSet;
import numevo.targets.TargetEntry;
import numevo.targets.floats.FloatTargetSpec.ErrorMetric;

/**
 * The built-in float targets. Each is built on first use and then shared.
 *
 * <ul>
 *   <li>{@code exp2}: 2^x on [0, 1) in float32, max ULPs, exhaustive over its 1,065,353,217 floats
 *       (both zeros included).
 *   <li>{@code exp}: e^x over all 2^32 float32 codes: overflow to +inf, underflow through the
 *       subnormals to +0, e^+-0 = 1, e^-inf = +0, e^+inf = +inf, NaN for NaN.
 *   <li>{@code exp2-real}: 2^x on (0, 1] in float64, max relative error against a double-double
 *       reference (relative error below 2^-96): the real-number track of AutoNumerics-Zero. Sampled
 *       only.
 *   <li>{@code log2}, {@code rsqrt}: over the positive normal float32 values [2^-126, max].
 *   <li>{@code sigmoid}: 1/(1+e^-x) over all 2^32 float32 codes.
 * </ul>
 */
public final class FloatTargets {
  private FloatTargets() {}

  private static final NumberFormat F32 = NumberFormat.FLOAT32;

  private static final Interval POSITIVE_NORMALS =
      Interval.closed(0x1p-126, (double) Float.MAX_VALUE);

  private static final PrimitiveSet FLOAT32_ONLY = PrimitiveSet.union(PrimitiveSet.FLOAT_ALL);

  private static final PrimitiveSet FLOAT32_BITS =
      PrimitiveSet.union(PrimitiveSet.FLOAT_ALL, PrimitiveSet.BIT_TRICKS);

  /** The registry entries of the float targets, in listing order. */
  public static List<TargetEntry> entries() {
    return List.of(
        entry("exp2", "2^x on [0, 1), float32, max ULP error; exhaustive over 1.07e9 floats", EXP2),
        entry("exp", "e^x over all 2^32 float32 inputs (inf, NaN, subnormals), max ULP error", EXP),
        entry(
            "exp2-real",
            "2^x on (0, 1] evaluated in float64, max relative error (AutoNumerics-Zero real track)",
            EXP2_REAL),
        entry("log2", "log2(x) over positive normal float32 [2^-126, max], max ULP error", LOG2),
        entry(
            "rsqrt", "1/sqrt(x) over positive normal float32 [2^-126, max], max ULP error", RSQRT),
        entry("sigmoid", "1/(1+e^-x) over all 2^32 float32 inputs, max ULP error", SIGMOID));
  }

  private static TargetEntry entry(String name, String summary, Supplier<FloatTarget> t) {
    return new TargetEntry(name, summary, Set.of(), p -> t.get());
  }

  /** 2^x on [0, 1), float32. */
  public static FloatTarget exp2() {
    return EXP2.get();
  }

  /** e^x over all float32 codes. */
  public static FloatTarget exp() {
    return EXP.get();
  }

  /** 2^x on (0, 1], float64, relative error. */
  public static FloatTarget exp2Real() {
    return EXP2_REAL.get();
  }

  /** log2 x over positive normal float32. */
  public static FloatTarget log2() {
    return LOG2.get();
  }

  /** 1/sqrt(x) over positive normal float32. */
  public static FloatTarget rsqrt() {
    return RSQRT.get();
  }

  /** The logistic function over all float32 codes. */
  public static FloatTarget sigmoid() {
    return SIGMOID.get();
  }

  private static final Supplier<FloatTarget> EXP2 =
      memoize(
          () ->
              FloatTarget.of(
                  new FloatTargetSpec(
                      "exp2",
                      "2^x on [0, 1), float32, max ULP error; exhaustive over 1.07e9 floats",
                      FloatDomain.of(F32, List.of(Interval.closedOpen(0, 1))),
                      FunctionReference.of(Functions.EXP2, F32),
                      ErrorMetric.ULP,
                      SamplePlan.mixed(
                          List.of(0.0, -0.0, 0x1p-24, 0.5, (double) Math.nextDown(1f)),
                          Interval.closed(0, 1)),
                      // AutoNumerics-Zero's set (add, sub, mul, div, fma, sqrt) plus neg: on a
                      // reduced range, compares, select and min/max only dilute the search;
                      // --add-ops brings them back.
                      PrimitiveSet.of(PrimitiveSet.FLOAT_ARITHMETIC),
                      CostModels.zen3Latency32(),
                      baselines(
                          "exp2",
                          "horner5_fma",
                          "horner5",
                          "horner6_fma",
                          "horner6",
                          "horner7_fma",
                          "horner7",
                          "chebyshev6_fma"))));

  private static final Supplier<FloatTarget> EXP =
      memoize(
          () ->
              FloatTarget.of(
                  new FloatTargetSpec(
                      "exp",
                      "e^x over all 2^32 float32 inputs (inf, NaN, subnormals), max ULP error",
                      FloatDomain.all(F32),
                      FunctionReference.of(Functions.EXP, F32),
                      ErrorMetric.ULP,
                      SamplePlan.mixed(
                          List.of(
                              0.0,
                              -0.0,
                              Double.POSITIVE_INFINITY,
                              Double.NEGATIVE_INFINITY,
                              Double.NaN,
                              1.0,
                              -1.0,
                              88.72283f + 0.0, // near overflow
                              88.72284f + 0.0,
                              -87.33654f + 0.0, // near the smallest normal result
                              -103.27893f + 0.0, // near the smallest subnormal result
                              -103.97208f + 0.0, // near underflow to 0
                              -104.0,
                              200.0,
                              -200.0),
                          Interval.closed(-104, 89)),
                      FLOAT32_BITS,
                      CostModels.zen3Latency32(),
                      baselines("exp", "cody_waite6", "schraudolph"))));

  private static final Supplier<FloatTarget> EXP2_REAL =
      memoize(
          () ->
              FloatTarget.of(
                  new FloatTargetSpec(
                      "exp2-real",
                      "2^x on (0, 1] evaluated in float64, max relative error (AutoNumerics-Zero"
                          + " real track)",
                      FloatDomain.of(NumberFormat.FLOAT64, List.of(Interval.openClosed(0, 1))),
                      FunctionReference.of(Functions.EXP2_DD, NumberFormat.FLOAT64),
                      ErrorMetric.REL,
                      SamplePlan.of(
                          List.of(1.0, 0.5, Double.MIN_VALUE, 0x1p-30), 0.0, Interval.closed(0, 1)),
                      PrimitiveSet.of(PrimitiveSet.FLOAT_ARITHMETIC),
                      CostModels.zen3Latency64(),
                      baselines(
                          "exp2-real",
                          "horner1_fma",
                          "horner2_fma",
                          "horner3_fma",
                          "horner4_fma",
                          "horner5_fma"))));

  private static final Supplier<FloatTarget> LOG2 =
      memoize(
          () ->
              FloatTarget.of(
                  new FloatTargetSpec(
                      "log2",
                      "log2(x) over positive normal float32 [2^-126, max], max ULP error",
                      FloatDomain.of(F32, List.of(POSITIVE_NORMALS)),
                      FunctionReference.of(Functions.LOG2, F32),
                      ErrorMetric.ULP,
                      SamplePlan.codes(
                          List.of(
                              1.0,
                              2.0,
                              0.5,
                              (double) Math.nextDown(1f),
                              (double) Math.nextUp(1f),
                              0x1p-126,
                              (double) Float.MAX_VALUE)),
                      FLOAT32_BITS,
                      CostModels.zen3Latency32(),
                      baselines("log2"))));

  private static final Supplier<FloatTarget> RSQRT =
      memoize(
          () ->
              FloatTarget.of(
                  new FloatTargetSpec(
                      "rsqrt",
                      "1/sqrt(x) over positive normal float32 [2^-126, max], max ULP error",
                      FloatDomain.of(F32, List.of(POSITIVE_NORMALS)),
                      FunctionReference.of(Functions.RSQRT, F32),
                      ErrorMetric.ULP,
                      SamplePlan.codes(
                          List.of(1.0, 2.0, 4.0, 0.5, 0x1p-126, (double) Float.MAX_VALUE)),
                      FLOAT32_BITS,
                      CostModels.zen3Latency32(),
                      baselines("rsqrt", "magic_5f3759df", "magic_5f375a86"))));

  private static final Supplier<FloatTarget> SIGMOID =
      memoize(
          () ->
              FloatTarget.of(
                  new FloatTargetSpec(
                      "sigmoid",
                      "1/(1+e^-x) over all 2^32 float32 inputs, max ULP error",
                      FloatDomain.all(F32),
                      FunctionReference.of(Functions.SIGMOID, F32),
                      ErrorMetric.ULP,
                      SamplePlan.mixed(
                          List.of(
                              0.0,
                              -0.0,
                              Double.POSITIVE_INFINITY,
                              Double.NEGATIVE_INFINITY,
                              Double.NaN,
                              1.0,
                              -1.0,
                              17.0,
                              -17.0,
                              88.0,
                              -88.0,
                              -104.0),
                          Interval.closed(-20, 20)),
                      FLOAT32_BITS,
                      CostModels.zen3Latency32(),
                      baselines("sigmoid"))));

  private static Supplier<List<Baseline>> baselines(String folder, String... names) {
    return memoize(() -> Baselines.load(folder, names));
  }

  /** A supplier that computes its value once, on first use, thread-safely. */
  static <T> Supplier<T> memoize(Supplier<T> s) {
    return new Supplier<>() {
      private T value;

      @Override
      public synchronized T get() {
        if (value == null) {
          value = s.get();
        }
        return value;
      }
    };
  }
}
