/*
 * Kernel exp2_real_cost5 (float64), exported by numevo (numevo export --lang c).
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
 * Kernel exp2_real_cost5 (float64).
 * Inputs: x: a float64 value.
 * Returns t11: a float64 value.
 */
double exp2_real_cost5(double x) {
  const double t7 = (-0x1.98d22bbcb5db5p4) / x; /* t7 = div -25.551311242246545 x */
  const double t8 = x - t7; /* t8 = sub x t7 */
  const double t9 = t8 + (-0x1.1acb909036cc3p3); /* t9 = add t8 -8.837349206607888 */
  const double t10 = 0x1.1b6c0fcaac47cp4 / t9; /* t10 = div 17.713882247630394 t9 */
  const double t11 = t10 + 0x1.ffff7114fe628p-1; /* t11 = add t10 0.9999957407118858 */
  return t11;
}
