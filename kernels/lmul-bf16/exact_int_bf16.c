/*
 * Kernel exact_int_bf16 (bfloat16), exported by numevo (numevo export --lang c).
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
 * Kernel exact_int_bf16 (bfloat16).
 * Inputs: a: an i32; b: an i32.
 * Returns out: an i32.
 */
int32_t exact_int_bf16(int32_t a, int32_t b) {
  const uint32_t ma = (uint32_t) a & 32767u; /* ma = and a 32767 */
  const uint32_t mb = (uint32_t) b & 32767u; /* mb = and b 32767 */
  const uint32_t na = nv_lt32(127u, ma); /* na = lt 127 ma */
  const uint32_t fa = ma & 127u; /* fa = and ma 127 */
  const uint32_t fa8 = fa | 128u; /* fa8 = or fa 128 */
  const uint32_t A = na != 0u ? fa8 : ma; /* A = select na fa8 ma */
  const uint32_t nb = nv_lt32(127u, mb); /* nb = lt 127 mb */
  const uint32_t b0 = mb & 1u; /* b0 = and mb 1 */
  const uint32_t p0 = b0 != 0u ? A : 0u; /* p0 = select b0 A 0 */
  const uint32_t b1 = mb & 2u; /* b1 = and mb 2 */
  const uint32_t A1 = A << (1u & 31u); /* A1 = shl A 1 */
  const uint32_t p1 = b1 != 0u ? A1 : 0u; /* p1 = select b1 A1 0 */
  const uint32_t b2 = mb & 4u; /* b2 = and mb 4 */
  const uint32_t A2 = A << (2u & 31u); /* A2 = shl A 2 */
  const uint32_t p2 = b2 != 0u ? A2 : 0u; /* p2 = select b2 A2 0 */
  const uint32_t b3 = mb & 8u; /* b3 = and mb 8 */
  const uint32_t A3 = A << (3u & 31u); /* A3 = shl A 3 */
  const uint32_t p3 = b3 != 0u ? A3 : 0u; /* p3 = select b3 A3 0 */
  const uint32_t b4 = mb & 16u; /* b4 = and mb 16 */
  const uint32_t A4 = A << (4u & 31u); /* A4 = shl A 4 */
  const uint32_t p4 = b4 != 0u ? A4 : 0u; /* p4 = select b4 A4 0 */
  const uint32_t b5 = mb & 32u; /* b5 = and mb 32 */
  const uint32_t A5 = A << (5u & 31u); /* A5 = shl A 5 */
  const uint32_t p5 = b5 != 0u ? A5 : 0u; /* p5 = select b5 A5 0 */
  const uint32_t b6 = mb & 64u; /* b6 = and mb 64 */
  const uint32_t A6 = A << (6u & 31u); /* A6 = shl A 6 */
  const uint32_t p6 = b6 != 0u ? A6 : 0u; /* p6 = select b6 A6 0 */
  const uint32_t A7 = A << (7u & 31u); /* A7 = shl A 7 */
  const uint32_t p7 = nb != 0u ? A7 : 0u; /* p7 = select nb A7 0 */
  const uint32_t q0_0 = p0 + p1; /* q0_0 = add p0 p1 */
  const uint32_t q0_1 = p2 + p3; /* q0_1 = add p2 p3 */
  const uint32_t q0_2 = p4 + p5; /* q0_2 = add p4 p5 */
  const uint32_t q0_3 = p6 + p7; /* q0_3 = add p6 p7 */
  const uint32_t q1_0 = q0_0 + q0_1; /* q1_0 = add q0_0 q0_1 */
  const uint32_t q1_1 = q0_2 + q0_3; /* q1_1 = add q0_2 q0_3 */
  const uint32_t q2_0 = q1_0 + q1_1; /* q2_0 = add q1_0 q1_1 */
  const uint32_t c8 = nv_lt32(255u, q2_0); /* c8 = lt 255 q2_0 */
  const uint32_t k8 = 16u - c8; /* k8 = sub 16 c8 */
  const uint32_t c9 = nv_lt32(511u, q2_0); /* c9 = lt 511 q2_0 */
  const uint32_t k9 = k8 - c9; /* k9 = sub k8 c9 */
  const uint32_t c10 = nv_lt32(1023u, q2_0); /* c10 = lt 1023 q2_0 */
  const uint32_t k10 = k9 - c10; /* k10 = sub k9 c10 */
  const uint32_t c11 = nv_lt32(2047u, q2_0); /* c11 = lt 2047 q2_0 */
  const uint32_t k11 = k10 - c11; /* k11 = sub k10 c11 */
  const uint32_t c12 = nv_lt32(4095u, q2_0); /* c12 = lt 4095 q2_0 */
  const uint32_t k12 = k11 - c12; /* k12 = sub k11 c12 */
  const uint32_t c13 = nv_lt32(8191u, q2_0); /* c13 = lt 8191 q2_0 */
  const uint32_t k13 = k12 - c13; /* k13 = sub k12 c13 */
  const uint32_t c14 = nv_lt32(16383u, q2_0); /* c14 = lt 16383 q2_0 */
  const uint32_t k14 = k13 - c14; /* k14 = sub k13 c14 */
  const uint32_t c15 = nv_lt32(32767u, q2_0); /* c15 = lt 32767 q2_0 */
  const uint32_t k15 = k14 - c15; /* k15 = sub k14 c15 */
  const uint32_t y0 = ma + mb; /* y0 = add ma mb */
  const uint32_t y1 = y0 - A; /* y1 = sub y0 A */
  const uint32_t y2 = y1 >> (7u & 31u); /* y2 = ushr y1 7 */
  const uint32_t T2 = y2 - nb; /* T2 = sub y2 nb */
  const uint32_t w = T2 - 117u; /* w = sub T2 117 */
  const uint32_t c = nv_lt32(k15, w); /* c = lt k15 w */
  const uint32_t sigma = c != 0u ? k15 : w; /* sigma = select c k15 w */
  const uint32_t Z = q2_0 << (sigma & 31u); /* Z = shl q2_0 sigma */
  const uint32_t q = Z >> (16u & 31u); /* q = ushr Z 16 */
  const uint32_t lsb = q & 1u; /* lsb = and q 1 */
  const uint32_t t = Z + 32767u; /* t = add Z 32767 */
  const uint32_t t1 = t + lsb; /* t1 = add t lsb */
  const uint32_t M = t1 >> (16u & 31u); /* M = ushr t1 16 */
  const uint32_t dd = w - sigma; /* dd = sub w sigma */
  const uint32_t d7 = dd << (7u & 31u); /* d7 = shl dd 7 */
  const uint32_t code = d7 + M; /* code = add d7 M */
  const uint32_t ov = nv_lt32(32639u, code); /* ov = lt 32639 code */
  const uint32_t r1 = ov != 0u ? 32640u : code; /* r1 = select ov 32640 code */
  const uint32_t un = nv_lt32(sigma, 0u); /* un = lt sigma 0 */
  const uint32_t r2 = un != 0u ? 0u : r1; /* r2 = select un 0 r1 */
  const uint32_t r3 = q2_0 != 0u ? r2 : 0u; /* r3 = select q2_0 r2 0 */
  const uint32_t lm = nv_lt32(ma, mb); /* lm = lt ma mb */
  const uint32_t mx = lm != 0u ? mb : ma; /* mx = select lm mb ma */
  const uint32_t z = q2_0 == 0u; /* z = eq q2_0 0 */
  const uint32_t mz = mx | z; /* mz = or mx z */
  const uint32_t sp = nv_lt32(32639u, mx); /* sp = lt 32639 mx */
  const uint32_t r4 = sp != 0u ? mz : r3; /* r4 = select sp mz r3 */
  const uint32_t sx = (uint32_t) a ^ (uint32_t) b; /* sx = xor a b */
  const uint32_t sign = sx & 32768u; /* sign = and sx 32768 */
  const uint32_t out = r4 | sign; /* out = or r4 sign */
  return nv_s32(out);
}
