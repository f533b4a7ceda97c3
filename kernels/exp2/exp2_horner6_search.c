/*
 * Kernel exp2_horner6_search (float32), exported by numevo (numevo export --lang c).
 * Self-contained C99; for example: cc -std=c99 -O2 -ffp-contract=off -c F.c (link with -lm).
 *
 * Computes what numevo's reference interpreter computes, bit for bit (every NaN
 * counts as one value), given IEEE 754 binary32 and binary64 arithmetic in the
 * default rounding mode (C99 Annex F), FLT_EVAL_METHOD == 0 (no excess
 * precision, as with SSE2 on x86-64 or on AArch64), no contraction of a*b+c into
 * an fma and no -ffast-math. i32 values are uint32_t inside (wrapping is
 * defined there); Java's min, max, int conversion and shift semantics are
 * spelled out in the nv_ helpers.
 */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#if !defined(FLT_EVAL_METHOD) || FLT_EVAL_METHOD != 0
#error "numevo kernels need FLT_EVAL_METHOD == 0: float and double ops without excess precision"
#endif
#ifdef __FAST_MATH__
#error "numevo kernels need IEEE semantics: compile without -ffast-math"
#endif
/* Contracting a*b+c into an fma would round once where the kernel rounds twice. */
#if defined(__clang__)
#pragma STDC FP_CONTRACT OFF
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif

/*
 * Kernel exp2_horner6_search (float32).
 * Inputs: x: a float32 value.
 * Returns t5: a float32 value.
 */
float exp2_horner6_search(float x) {
  const float t0 = fmaf(x, 0x1.d35326p-13f, 0x1.41c68ap-10f); /* t0 = fma x 2.2283783E-4 0.0012274763 */
  const float t1 = fmaf(x, t0, 0x1.3db636p-7f); /* t1 = fma x t0 0.0096957935 */
  const float t2 = fmaf(x, t1, 0x1.c6752ap-5f); /* t2 = fma x t1 0.05547579 */
  const float t3 = fmaf(x, t2, 0x1.ebfe5p-3f); /* t3 = fma x t2 0.24023116 */
  const float t4 = fmaf(x, t3, 0x1.62e428p-1f); /* t4 = fma x t3 0.69314694 */
  const float t5 = fmaf(x, t4, 1.0f); /* t5 = fma x t4 1.0 */
  return t5;
}
