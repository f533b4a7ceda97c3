/*
 * Kernel exp2_real_cost3 (float64), exported by numevo (numevo export --lang c).
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
 * Kernel exp2_real_cost3 (float64).
 * Inputs: x: a float64 value.
 * Returns t10: a float64 value.
 */
double exp2_real_cost3(double x) {
  const double t8 = x + (-0x1.b416f4c7fa884p1); /* t8 = add x -3.406950566907712 */
  const double t9 = (-0x1.07181138db096p3) / t8; /* t9 = div -8.221687899633519 t8 */
  const double t10 = t9 + (-0x1.6a00cbf6855bcp0); /* t10 = add t9 -1.4140746571405165 */
  return t10;
}
