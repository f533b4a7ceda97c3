/*
 * Kernel splice19_e4m3fn (e4m3fn), exported by numevo (numevo export --lang c).
 * Self-contained C99; for example: cc -std=c99 -O2 -ffp-contract=off -c F.c (link with -lm).
 *
 * Computes what numevo's reference interpreter computes, bit for bit (every NaN
 * counts as one value), given IEEE 754 binary32 and binary64 arithmetic in the
 * default rounding mode (C99 Annex F), FLT_EVAL_METHOD == 0 (no excess
 * precision, as with SSE2 on x86-64 or on AArch64), no contraction of a*b+c into
 * an fma and no -ffast-math. i32 values are uint32_t inside (wrapping is
 * defined there); Java's min, max, int conversion and shift semantics are
 * spelled out in the nv_ helpers.
 * e4m3fn values travel as floats, which hold them exactly; each op computes in
 * binary64 and rounds once to e4m3fn, which gives the correctly rounded result.
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

/* The int32_t whose two's complement is u (a portable cast). */
static inline int32_t nv_s32(uint32_t u) {
  return u <= 0x7fffffffu ? (int32_t) u : (int32_t) (u - 0x80000000u) - 0x7fffffff - 1;
}

/* a < b as int32: flipping the sign bits orders two's complement as unsigned. */
static inline uint32_t nv_lt32(uint32_t a, uint32_t b) {
  return (a ^ 0x80000000u) < (b ^ 0x80000000u);
}

/* a <= b as int32. */
static inline uint32_t nv_le32(uint32_t a, uint32_t b) {
  return (a ^ 0x80000000u) <= (b ^ 0x80000000u);
}

/*
 * Kernel splice19_e4m3fn (e4m3fn).
 * Inputs: a: an i32; b: an i32.
 * Returns t18: an i32.
 */
int32_t splice19_e4m3fn(int32_t a, int32_t b) {
  const uint32_t t0 = (uint32_t) a & 127u; /* t0 = and a 127 */
  const uint32_t t1 = (uint32_t) b & 127u; /* t1 = and b 127 */
  const uint32_t t2 = t0 != 0u ? t0 : 0xfffffc00u; /* t2 = select t0 t0 -1024 */
  const uint32_t t3 = t1 != 0u ? t1 : 0xfffffc00u; /* t3 = select t1 t1 -1024 */
  const uint32_t t4 = t2 + t3; /* t4 = add t2 t3 */
  const uint32_t t5 = t4 & 7u; /* t5 = and t4 7 */
  const uint32_t t6 = t5 != 0u ? 56u : 55u; /* t6 = select t5 56:i32 55:i32 */
  const uint32_t t7 = t4 - t6; /* t7 = sub t4 t6 */
  const uint32_t t8 = nv_lt32(t7, 1u); /* t8 = lt t7 1 */
  const uint32_t t9 = t8 != 0u ? 0u : t7; /* t9 = select t8 0 t7 */
  const uint32_t t10 = nv_le32(126u, t9); /* t10 = le 126 t9 */
  const uint32_t t11 = t10 != 0u ? 127u : t9; /* t11 = select t10 127 t9 */
  const uint32_t t12 = t0 == 127u; /* t12 = eq t0 127 */
  const uint32_t t13 = t1 == 127u; /* t13 = eq t1 127 */
  const uint32_t t14 = t12 | t13; /* t14 = or t12 t13 */
  const uint32_t t15 = t14 != 0u ? 127u : t11; /* t15 = select t14 127 t11 */
  const uint32_t t16 = (uint32_t) a ^ (uint32_t) b; /* t16 = xor a b */
  const uint32_t t17 = t16 & 128u; /* t17 = and t16 128 */
  const uint32_t t18 = t15 | t17; /* t18 = or t15 t17 */
  return nv_s32(t18);
}
