/*
 * Kernel exp2_real_cost2 (float64), exported by numevo (numevo export --lang c).
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
 * Kernel exp2_real_cost2 (float64).
 * Inputs: x: a float64 value.
 * Returns t1: a float64 value.
 */
double exp2_real_cost2(double x) {
  const double t0 = 0x1.f0bb2614b9719p-1 * x; /* t0 = mul 0.9701778316782309 x */
  const double t1 = 0x1.f0bb5cfe9d59bp-1 + t0; /* t1 = add 0.9701794682320498 t0 */
  return t1;
}
