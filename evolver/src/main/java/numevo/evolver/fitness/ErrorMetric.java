package numevo.evolver.fitness;

import numevo.dsl.format.NumberFormat;

/**
 * How {@link SampledScorer} folds pointwise errors into one number. ULP errors use the convention
 * of {@code exp.md}: {@code |result - exact| / ulp(exact)}, where {@code ulp(exact)} is {@code 2^(e
 * - mantissaBits)} for {@code exact} in {@code [2^e, 2^(e+1))}, with {@code e} at least the
 * format's smallest normal exponent. A NaN or infinite result where the exact value is finite
 * counts as an infinite error.
 */
public enum ErrorMetric {
  /** The largest error in ULPs of the format. */
  MAX_ULP,
  /** The mean error in ULPs of the format. */
  MEAN_ULP,
  /** The root mean square error in ULPs of the format: a smooth proxy of {@link #MAX_ULP}. */
  RMS_ULP,
  /** The largest absolute error. */
  MAX_ABS,
  /** The largest relative error, {@code |result - exact| / |exact|}. */
  MAX_REL;

  /** The error at one point; {@code +Inf} for a non-finite result or a NaN comparison. */
  double pointError(NumberFormat format, double result, double exact) {
    if (Double.compare(result, exact) == 0) {
      return 0;
    }
    double diff = Math.abs(result - exact);
    if (Double.isNaN(diff) || Double.isInfinite(diff)) {
      return Double.POSITIVE_INFINITY;
    }
    return switch (this) {
      case MAX_ULP, MEAN_ULP -> diff / ulp(format, exact);
      case RMS_ULP -> {
        double u = diff / ulp(format, exact);
        yield u * u;
      }
      case MAX_ABS -> diff;
      case MAX_REL -> exact == 0 ? Double.POSITIVE_INFINITY : diff / Math.abs(exact);
    };
  }

  /** Whether points fold by their mean (else by their maximum). */
  boolean isMean() {
    return this == MEAN_ULP || this == RMS_ULP;
  }

  /** The final step after folding: the square root for {@link #RMS_ULP}. */
  double finish(double folded) {
    return this == RMS_ULP ? Math.sqrt(folded) : folded;
  }

  /** The ULP of the format at an exact value. */
  static double ulp(NumberFormat format, double exact) {
    int e = exact == 0 ? format.minExponent() : Math.getExponent(exact);
    return Math.scalb(1.0, Math.max(e, format.minExponent()) - format.mantissaBits());
  }
}
