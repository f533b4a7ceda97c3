package numevo.dsl.format;

/**
 * What a conversion does with values beyond a format's largest finite value. The conventions in use
 * disagree on infinities, so both are offered.
 */
public enum Saturation {
  /** No saturation (ml_dtypes' default): overflow gives Inf where the format has it, else NaN. */
  NONE,
  /**
   * Finite overflow gives the largest finite value of the same sign; an infinite input stays Inf
   * where the format has it and becomes NaN where it has none (ml_dtypes' saturating converter,
   * NVIDIA's {@code __NV_SATFINITE} on finite inputs).
   */
  FINITE,
  /** Finite overflow and infinities both give the largest finite value (ONNX Cast, saturate=1). */
  ALL
}
