/*
 * Kernel exp2_real_cost10 (float64), exported by numevo (numevo export --lang c).
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
 * Kernel exp2_real_cost10 (float64).
 * Inputs: x: a float64 value.
 * Returns t9: a float64 value.
 */
double exp2_real_cost10(double x) {
  const double t0 = (-0x1.671017ae1e914p4) / x; /* t0 = div -22.441428833154603 x */
  const double t1 = x - t0; /* t1 = sub x t0 */
  const double t2 = t1 + (-0x1.e5550873326ddp2); /* t2 = add t1 -7.583315002915438 */
  const double t3 = (-0x1.22e3bd4c8b4a6p0) / t2; /* t3 = div -1.136287528216863 t2 */
  const double t4 = t2 + t3; /* t4 = add t2 t3 */
  const double t5 = t4 + (-0x1.13164a5349c62p-2); /* t5 = add t4 -0.2686397183737822 */
  const double t6 = 0x1.ef5d6effccd7cp3 / t5; /* t6 = div 15.480155467614843 t5 */
  const double t7 = t6 + 0x1.013f4e219d846p0; /* t7 = add t6 1.0048722106999022 */
  const double t8 = (-0x1.40dc63bf4f2fep-8) / t7; /* t8 = div -0.0048959487460791245 t7 */
  const double t9 = t7 + t8; /* t9 = add t7 t8 */
  return t9;
}
