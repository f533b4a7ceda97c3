/*
 * Kernel rsqrt_searched15 (float32), exported by numevo (numevo export --lang c).
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

/* Java's a >> b: the count masked to 5 bits, the sign bit shifted in. */
static inline uint32_t nv_shr32(uint32_t a, uint32_t b) {
  uint32_t s = b & 31u;
  uint32_t r = a >> s;
  if ((a & 0x80000000u) != 0u && s != 0u) {
    r |= ~(0xffffffffu >> s);
  }
  return r;
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
 * Kernel rsqrt_searched15 (float32).
 * Inputs: x: a float32 value.
 * Returns y1: a float32 value.
 */
float rsqrt_searched15(float x) {
  const uint32_t i = nv_f32_bits(x); /* i = bits x */
  const uint32_t h = nv_shr32(i, 1u); /* h = shr i 1 */
  const uint32_t j = 1600108590u - h; /* j = sub 1600108590 h */
  const float y = nv_f32_frombits(j); /* y = frombits j */
  const float xy = x * y; /* xy = mul x y */
  const float yb = (-0x1.fff4d6p-3f) * y; /* yb = mul -0.2499787 y */
  const float u = fmaf(xy, yb, 0x1.30e788p0f); /* u = fma xy yb 1.1910329 */
  const float y1 = y * u; /* y1 = mul y u */
  return y1;
}
