/*
 * Kernel exact_int_e5m2 (e5m2), exported by numevo (numevo export --lang c).
 * Self-contained C99; for example: cc -std=c99 -O2 -ffp-contract=off -c F.c (link with -lm).
 *
 * Computes what numevo's reference interpreter computes, bit for bit (every NaN
 * counts as one value), given IEEE 754 binary32 and binary64 arithmetic in the
 * default rounding mode (C99 Annex F), FLT_EVAL_METHOD == 0 (no excess
 * precision, as with SSE2 on x86-64 or on AArch64), no contraction of a*b+c into
 * an fma and no -ffast-math. i32 values are uint32_t inside (wrapping is
 * defined there); Java's min, max, int conversion and shift semantics are
 * spelled out in the nv_ helpers.
 * e5m2 values travel as floats, which hold them exactly; each op computes in
 * binary64 and rounds once to e5m2, which gives the correctly rounded result.
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
 * Kernel exact_int_e5m2 (e5m2).
 * Inputs: a: an i32; b: an i32.
 * Returns out: an i32.
 */
int32_t exact_int_e5m2(int32_t a, int32_t b) {
  const uint32_t ma = (uint32_t) a & 127u; /* ma = and a 127 */
  const uint32_t mb = (uint32_t) b & 127u; /* mb = and b 127 */
  const uint32_t na = nv_lt32(3u, ma); /* na = lt 3 ma */
  const uint32_t fa = ma & 3u; /* fa = and ma 3 */
  const uint32_t fa4 = fa | 4u; /* fa4 = or fa 4 */
  const uint32_t A = na != 0u ? fa4 : ma; /* A = select na fa4 ma */
  const uint32_t nb = nv_lt32(3u, mb); /* nb = lt 3 mb */
  const uint32_t b0 = mb & 1u; /* b0 = and mb 1 */
  const uint32_t p0 = b0 != 0u ? A : 0u; /* p0 = select b0 A 0 */
  const uint32_t b1 = mb & 2u; /* b1 = and mb 2 */
  const uint32_t A1 = A << (1u & 31u); /* A1 = shl A 1 */
  const uint32_t p1 = b1 != 0u ? A1 : 0u; /* p1 = select b1 A1 0 */
  const uint32_t A2 = A << (2u & 31u); /* A2 = shl A 2 */
  const uint32_t p2 = nb != 0u ? A2 : 0u; /* p2 = select nb A2 0 */
  const uint32_t s01 = p0 + p1; /* s01 = add p0 p1 */
  const uint32_t P = s01 + p2; /* P = add s01 p2 */
  const uint32_t c8 = nv_lt32(7u, P); /* c8 = lt 7 P */
  const uint32_t c16 = nv_lt32(15u, P); /* c16 = lt 15 P */
  const uint32_t c32 = nv_lt32(31u, P); /* c32 = lt 31 P */
  const uint32_t k1 = 16u - c8; /* k1 = sub 16 c8 */
  const uint32_t k2 = k1 - c16; /* k2 = sub k1 c16 */
  const uint32_t k = k2 - c32; /* k = sub k2 c32 */
  const uint32_t y0 = ma + mb; /* y0 = add ma mb */
  const uint32_t y1 = y0 - A; /* y1 = sub y0 A */
  const uint32_t y2 = y1 >> (2u & 31u); /* y2 = ushr y1 2 */
  const uint32_t T2 = y2 - nb; /* T2 = sub y2 nb */
  const uint32_t c = nv_lt32(k, T2); /* c = lt k T2 */
  const uint32_t sigma = c != 0u ? k : T2; /* sigma = select c k T2 */
  const uint32_t Z = P << (sigma & 31u); /* Z = shl P sigma */
  const uint32_t q = Z >> (16u & 31u); /* q = ushr Z 16 */
  const uint32_t lsb = q & 1u; /* lsb = and q 1 */
  const uint32_t t = Z + 32767u; /* t = add Z 32767 */
  const uint32_t t1 = t + lsb; /* t1 = add t lsb */
  const uint32_t M = t1 >> (16u & 31u); /* M = ushr t1 16 */
  const uint32_t dd = T2 - sigma; /* dd = sub T2 sigma */
  const uint32_t d4 = dd << (2u & 31u); /* d4 = shl dd 2 */
  const uint32_t code = d4 + M; /* code = add d4 M */
  const uint32_t ov = nv_lt32(123u, code); /* ov = lt 123 code */
  const uint32_t r1 = ov != 0u ? 124u : code; /* r1 = select ov 124 code */
  const uint32_t r2 = P != 0u ? r1 : 0u; /* r2 = select P r1 0 */
  const uint32_t lm = nv_lt32(ma, mb); /* lm = lt ma mb */
  const uint32_t mx = lm != 0u ? mb : ma; /* mx = select lm mb ma */
  const uint32_t mz = P != 0u ? mx : 127u; /* mz = select P mx 127 */
  const uint32_t sp = nv_lt32(123u, mx); /* sp = lt 123 mx */
  const uint32_t r3 = sp != 0u ? mz : r2; /* r3 = select sp mz r2 */
  const uint32_t sx = (uint32_t) a ^ (uint32_t) b; /* sx = xor a b */
  const uint32_t sign = sx & 128u; /* sign = and sx 128 */
  const uint32_t out = r3 | sign; /* out = or r3 sign */
  return nv_s32(out);
}
