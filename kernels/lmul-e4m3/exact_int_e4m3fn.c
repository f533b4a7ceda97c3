/*
 * Kernel exact_int_e4m3fn (e4m3fn), exported by numevo (numevo export --lang c).
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

/*
 * Kernel exact_int_e4m3fn (e4m3fn).
 * Inputs: a: an i32; b: an i32.
 * Returns out: an i32.
 */
int32_t exact_int_e4m3fn(int32_t a, int32_t b) {
  const uint32_t ma = (uint32_t) a & 127u; /* ma = and a 127 */
  const uint32_t mb = (uint32_t) b & 127u; /* mb = and b 127 */
  const uint32_t na = nv_lt32(7u, ma); /* na = lt 7 ma */
  const uint32_t fa = ma & 7u; /* fa = and ma 7 */
  const uint32_t fa8 = fa | 8u; /* fa8 = or fa 8 */
  const uint32_t A = na != 0u ? fa8 : ma; /* A = select na fa8 ma */
  const uint32_t nb = nv_lt32(7u, mb); /* nb = lt 7 mb */
  const uint32_t b0 = mb & 1u; /* b0 = and mb 1 */
  const uint32_t p0 = b0 != 0u ? A : 0u; /* p0 = select b0 A 0 */
  const uint32_t b1 = mb & 2u; /* b1 = and mb 2 */
  const uint32_t A1 = A << (1u & 31u); /* A1 = shl A 1 */
  const uint32_t p1 = b1 != 0u ? A1 : 0u; /* p1 = select b1 A1 0 */
  const uint32_t b2 = mb & 4u; /* b2 = and mb 4 */
  const uint32_t A2 = A << (2u & 31u); /* A2 = shl A 2 */
  const uint32_t p2 = b2 != 0u ? A2 : 0u; /* p2 = select b2 A2 0 */
  const uint32_t A3 = A << (3u & 31u); /* A3 = shl A 3 */
  const uint32_t p3 = nb != 0u ? A3 : 0u; /* p3 = select nb A3 0 */
  const uint32_t s01 = p0 + p1; /* s01 = add p0 p1 */
  const uint32_t s23 = p2 + p3; /* s23 = add p2 p3 */
  const uint32_t P = s01 + s23; /* P = add s01 s23 */
  const uint32_t c16 = nv_lt32(15u, P); /* c16 = lt 15 P */
  const uint32_t c32 = nv_lt32(31u, P); /* c32 = lt 31 P */
  const uint32_t c64 = nv_lt32(63u, P); /* c64 = lt 63 P */
  const uint32_t c128 = nv_lt32(127u, P); /* c128 = lt 127 P */
  const uint32_t k1 = 9u - c16; /* k1 = sub 9 c16 */
  const uint32_t k2 = k1 - c32; /* k2 = sub k1 c32 */
  const uint32_t k3 = k2 - c64; /* k3 = sub k2 c64 */
  const uint32_t k = k3 - c128; /* k = sub k3 c128 */
  const uint32_t y0 = ma + mb; /* y0 = add ma mb */
  const uint32_t y1 = y0 - A; /* y1 = sub y0 A */
  const uint32_t y2 = y1 >> (3u & 31u); /* y2 = ushr y1 3 */
  const uint32_t T2 = y2 - nb; /* T2 = sub y2 nb */
  const uint32_t c = nv_lt32(k, T2); /* c = lt k T2 */
  const uint32_t sigma = c != 0u ? k : T2; /* sigma = select c k T2 */
  const uint32_t Z = P << (sigma & 31u); /* Z = shl P sigma */
  const uint32_t q = Z >> (9u & 31u); /* q = ushr Z 9 */
  const uint32_t lsb = q & 1u; /* lsb = and q 1 */
  const uint32_t t = Z + 255u; /* t = add Z 255 */
  const uint32_t t1 = t + lsb; /* t1 = add t lsb */
  const uint32_t M = t1 >> (9u & 31u); /* M = ushr t1 9 */
  const uint32_t dd = T2 - sigma; /* dd = sub T2 sigma */
  const uint32_t d8 = dd << (3u & 31u); /* d8 = shl dd 3 */
  const uint32_t code = d8 + M; /* code = add d8 M */
  const uint32_t ov = nv_lt32(126u, code); /* ov = lt 126 code */
  const uint32_t r1 = ov != 0u ? 127u : code; /* r1 = select ov 127 code */
  const uint32_t r2 = P != 0u ? r1 : 0u; /* r2 = select P r1 0 */
  const uint32_t xa = ma == 127u; /* xa = eq ma 127 */
  const uint32_t xb = mb == 127u; /* xb = eq mb 127 */
  const uint32_t x = xa | xb; /* x = or xa xb */
  const uint32_t r3 = x != 0u ? 127u : r2; /* r3 = select x 127 r2 */
  const uint32_t sx = (uint32_t) a ^ (uint32_t) b; /* sx = xor a b */
  const uint32_t sign = sx & 128u; /* sign = and sx 128 */
  const uint32_t out = r3 | sign; /* out = or r3 sign */
  return nv_s32(out);
}
