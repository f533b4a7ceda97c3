package numevo.targets;

import java.util.Objects;

/**
 * One named measurement in a {@link Score}.
 *
 * @param key the JSON key, lower snake case (see the constants), never null
 * @param value the value; may be infinite (an error at a point where the kernel returned NaN or
 *     infinity but the exact value is finite) but not NaN unless the metric is undefined
 * @param kind how to show the value
 */
public record Metric(String key, double value, Kind kind) {

  /** How a metric's value is shown. */
  public enum Kind {
    /** A real number, shown with 6 significant digits in text and in full in JSON. */
    REAL,
    /** A count, shown as an integer. */
    COUNT,
    /** A fraction in [0, 1]. */
    FRACTION,
    /** An input value of the kernel's domain (e.g. where the worst error occurs). */
    INPUT
  }

  /** Largest error in ULPs of the exact value (float targets). */
  public static final String MAX_ULP = "max_ulp";

  /** Mean error in ULPs (float targets). */
  public static final String MEAN_ULP = "mean_ulp";

  /** Largest relative error |result - exact| / |exact|. */
  public static final String MAX_REL_ERR = "max_rel_err";

  /** Mean relative error. */
  public static final String MEAN_REL_ERR = "mean_rel_err";

  /** Fraction of points whose result is bit-exact (lmul targets). */
  public static final String EXACT_FRACTION = "exact_fraction";

  /** Training terms a recurrence reproduces (seq target). */
  public static final String TRAIN_MATCHED = "train_matched";

  /** Held-out terms a recurrence predicts (seq target). */
  public static final String HELDOUT_MATCHED = "heldout_matched";

  public Metric {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(kind, "kind");
  }

  /** A real-valued metric. */
  public static Metric real(String key, double value) {
    return new Metric(key, value, Kind.REAL);
  }

  /** A count. */
  public static Metric count(String key, long value) {
    return new Metric(key, value, Kind.COUNT);
  }

  /** A fraction in [0, 1]. */
  public static Metric fraction(String key, double value) {
    return new Metric(key, value, Kind.FRACTION);
  }

  /** An input value. */
  public static Metric input(String key, double value) {
    return new Metric(key, value, Kind.INPUT);
  }
}
