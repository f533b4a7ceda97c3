/*
 * Kernel exp_f32 (float32), exported by numevo (numevo export --lang c).
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

/* Java's Math.min: NaN if either operand is NaN, and -0 below +0 (C's fmin does neither). */
static inline float nv_minf(float a, float b) {
  if (isnan(a) || isnan(b)) {
    return NAN;
  }
  if (a == 0.0f && b == 0.0f) {
    return signbit(a) ? a : b;
  }
  return a < b ? a : b;
}

/* Java's Math.max: NaN if either operand is NaN, and -0 below +0 (C's fmax does neither). */
static inline float nv_maxf(float a, float b) {
  if (isnan(a) || isnan(b)) {
    return NAN;
  }
  if (a == 0.0f && b == 0.0f) {
    return signbit(a) ? b : a;
  }
  return a > b ? a : b;
}

/* The binary32 code of v; every NaN gives the canonical NaN 0x7fc00000. */
static inline uint32_t nv_f32_bits(float v) {
  uint32_t u;
  if (isnan(v)) {
    return 0x7fc00000u;
  }
  memcpy(&u, &v, sizeof u);
  return u;
}

/* The binary32 value of code u. */
static inline float nv_f32_frombits(uint32_t u) {
  float v;
  memcpy(&v, &u, sizeof v);
  return v;
}

/*
 * Kernel exp_f32 (float32).
 * Inputs: x: a float32 value.
 * Returns y: a float32 value.
 */
float exp_f32(float x) {
  const float xa = nv_maxf(x, (-104.0f)); /* xa = max x -104.0 */
  const float xc = nv_minf(xa, 89.0f); /* xc = min xa 89.0 */
  const uint32_t neg = x < 0.0f; /* neg = lt x 0.0 */
  const float m = neg != 0u ? 12583103.0f : 12582975.0f; /* m = select neg 1.2583103E7 1.2582975E7 */
  const float t = fmaf(xc, 0x1.715476p0f, m); /* t = fma xc 1.442695 m */
  const float n = t - m; /* n = sub t m */
  const float r1 = fmaf(n, (-0x1.62e43p-1f), xc); /* r1 = fma n -0.6931472 xc */
  const float r = fmaf(n, 0x1.05c61p-29f, r1); /* r = fma n 1.9046542E-9 r1 */
  const float p5 = fmaf(r, 0x1.693ebcp-10f, 0x1.123afep-7f); /* p5 = fma r 0.0013780405 0.008368849 */
  const float p4 = fmaf(r, p5, 0x1.555a68p-5f); /* p4 = fma r p5 0.041669086 */
  const float p3 = fmaf(r, p4, 0x1.55549p-3f); /* p3 = fma r p4 0.1666652 */
  const float p2 = fmaf(r, p3, 0x1.fffffap-2f); /* p2 = fma r p3 0.4999999 */
  const float p1 = fmaf(r, p2, 1.0f); /* p1 = fma r p2 1.0 */
  const float p0 = fmaf(r, p1, 1.0f); /* p0 = fma r p1 1.0 */
  const uint32_t bt = nv_f32_bits(t); /* bt = bits t */
  const uint32_t sb = bt << (23u & 31u); /* sb = shl bt 23 */
  const float s1 = nv_f32_frombits(sb); /* s1 = frombits sb */
  const float y1 = p0 * s1; /* y1 = mul p0 s1 */
  const float s2 = neg != 0u ? 0x1.0p-64f : 0x1.0p64f; /* s2 = select neg 5.421011E-20 1.8446744E19 */
  const float y = y1 * s2; /* y = mul y1 s2 */
  return y;
}
