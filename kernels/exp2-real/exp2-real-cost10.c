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
  const double t0 = (-0x1.6978594b4f503p12) / x; /* t0 = div -5783.521800336664 x */
  const double t1 = x - t0; /* t1 = sub x t0 */
  const double t2 = (-0x1.d92f4a4eb78c3p13) / t1; /* t2 = div -15141.91128295323 t1 */
  const double t3 = t1 - t2; /* t3 = sub t1 t2 */
  const double t4 = t3 + (-0x1.f51a9e58ffecap7); /* t4 = add t3 -250.55198934673382 */
  const double t5 = 0x1.f51a9e5921c3fp8 / t4; /* t5 = div 501.1039787013469 t4 */
  const double t6 = t5 + 0x1.ffffffffffffep-1; /* t6 = add t5 0.9999999999999998 */
  const double t7 = t6 * t6; /* t7 = mul t6 t6 */
  const double t8 = t7 * t7; /* t8 = mul t7 t7 */
  const double t9 = t8 * t8; /* t9 = mul t8 t8 */
  return t9;
}
