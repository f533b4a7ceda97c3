/**
 * Number formats: float64, float32, float16, bfloat16 and the FP8 formats, with single-rounding
 * encode and decode that match ml_dtypes bit for bit.
 */
package numevo.dsl.format;
