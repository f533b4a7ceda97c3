/*
 * Kernel xtop3_bf16 (bfloat16), exported by numevo (numevo export --lang c).
 * Self-contained C99; for example: cc -std=c99 -O2 -ffp-contract=off -c F.c (link with -lm).
 *
 * Computes what numevo's reference interpreter computes, bit for bit (every NaN
 * counts as one value), given IEEE 754 binary32 and binary64 arithmetic in the
 * default rounding mode (C99 Annex F), FLT_EVAL_METHOD == 0 (no excess
 * precision, as with SSE2 on x86-64 or on AArch64), no contraction of a*b+c into
 * an fma and no -ffast-math. i32 values are uint32_t inside (wrapping is
 * defined there); Java's min, max, int conversion and shift semantics are
 * spelled out in the nv_ helpers.
 * bfloat16 values travel as floats, which hold them exactly; each op computes in
 * binary64 and rounds once to bfloat16, which gives the correctly rounded result.
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

/*
 * Kernel xtop3_bf16 (bfloat16).
 * Inputs: a: an i32; b: an i32.
 * Returns out: an i32.
 */
int32_t xtop3_bf16(int32_t a, int32_t b) {
  const uint32_t ma = (uint32_t) a & 32767u; /* ma = and a 32767 */
  const uint32_t mb = (uint32_t) b & 32767u; /* mb = and b 32767 */
  const uint32_t za = ma != 0u ? ma : 0xffff0000u; /* za = select ma ma -65536 */
  const uint32_t zb = mb != 0u ? mb : 0xffff0000u; /* zb = select mb mb -65536 */
  const uint32_t sum = za + zb; /* sum = add za zb */
  const uint32_t fa = (uint32_t) a & 127u; /* fa = and a 127 */
  const uint32_t fb = (uint32_t) b & 127u; /* fb = and b 127 */
  const uint32_t b6 = fb & 64u; /* b6 = and fb 64 */
  const uint32_t s6 = fa << (3u & 31u); /* s6 = shl fa 3 */
  const uint32_t p6 = b6 != 0u ? s6 : 0u; /* p6 = select b6 s6 0 */
  const uint32_t q6 = fa + p6; /* q6 = add fa p6 */
  const uint32_t b5 = fb & 32u; /* b5 = and fb 32 */
  const uint32_t s5 = fa << (2u & 31u); /* s5 = shl fa 2 */
  const uint32_t p5 = b5 != 0u ? s5 : 0u; /* p5 = select b5 s5 0 */
  const uint32_t q5 = q6 + p5; /* q5 = add q6 p5 */
  const uint32_t b4 = fb & 16u; /* b4 = and fb 16 */
  const uint32_t s4 = fa << (1u & 31u); /* s4 = shl fa 1 */
  const uint32_t p4 = b4 != 0u ? s4 : 0u; /* p4 = select b4 s4 0 */
  const uint32_t q4 = q5 + p4; /* q4 = add q5 p4 */
  const uint32_t xy = q4 >> (4u & 31u); /* xy = ushr q4 4 */
  const uint32_t f0 = fa + fb; /* f0 = add fa fb */
  const uint32_t es = sum - f0; /* es = sub sum f0 */
  const uint32_t g = f0 + xy; /* g = add f0 xy */
  const uint32_t h = g >> (1u & 31u); /* h = ushr g 1 */
  const uint32_t h64 = h + 64u; /* h64 = add h 64 */
  const uint32_t c = nv_lt32(g, h64); /* c = lt g h64 */
  const uint32_t m = c != 0u ? g : h64; /* m = select c g h64 */
  const uint32_t T = es + m; /* T = add es m */
  const uint32_t r = T - 16256u; /* r = sub T 16256 */
  const uint32_t under = nv_lt32(r, 1u); /* under = lt r 1 */
  const uint32_t r1 = under != 0u ? 0u : r; /* r1 = select under 0 r */
  const uint32_t over = nv_lt32(32639u, r1); /* over = lt 32639 r1 */
  const uint32_t r2 = over != 0u ? 32640u : r1; /* r2 = select over 32640 r1 */
  const uint32_t lm = nv_lt32(ma, mb); /* lm = lt ma mb */
  const uint32_t mx = lm != 0u ? mb : ma; /* mx = select lm mb ma */
  const uint32_t mz = mx | under; /* mz = or mx under */
  const uint32_t sp = nv_lt32(32639u, mx); /* sp = lt 32639 mx */
  const uint32_t r3 = sp != 0u ? mz : r2; /* r3 = select sp mz r2 */
  const uint32_t sx = (uint32_t) a ^ (uint32_t) b; /* sx = xor a b */
  const uint32_t sign = sx & 32768u; /* sign = and sx 32768 */
  const uint32_t out = r3 | sign; /* out = or r3 sign */
  return nv_s32(out);
}
