/*
 * Minimax re-tune of the constants of the kernels/rsqrt kernels in float32 arithmetic, judged
 * exhaustively: the objective is the maximal relative error over every float32 x in [1, 4), one
 * period of these kernels' error (x -> 4x moves the code by 2^24, halves the magic-constant guess
 * exactly and leaves t = x y0^2 unchanged; kernels/rsqrt/README.md), against 1 / sqrt((double) x)
 * (within 2^-51 relative: the figures are good to about 1e-15).
 *
 * Forms (y0 = frombits(R - (bits(x) >> 1)), float32 ops rounded once each, fmaf exact then rounded):
 *   kadlec: y1 = (k y0) (c - (x y0) y0)                                   constants R k c
 *   fma1:   y1 = y0 fma(x y0, c1 y0, c0)                                  constants R c0 c1
 *   fma2:   t = (x y0) y0, y1 = y0 fma(fma(t, c2, c1), t, c0)             constants R c0 c1 c2
 *   fma3:   t = (x y0) y0, y1 = y0 fma(fma(fma(t, c3, c2), t, c1), t, c0) constants R c0..c3
 * These are the instruction sequences of the kernels/rsqrt kernels; their exhaustive checks
 * (numevo score --exhaustive and check/check_rsqrt.c on the numevo C exports) are the figures
 * that count, not this program's.
 *
 * The search: a coordinate descent from the given constants: for each constant in turn (R first),
 * steps of 2^12, 2^11 ... 1 float32 ulps (R: code units) down and up, each repeated while it
 * lowers the maximum; until a whole round changes nothing. Deterministic (no random choices).
 *
 * The runs behind kernels/rsqrt (starting points: scripts/rsqrt-fit.py's output):
 *   gcc -std=c99 -O2 -ffp-contract=off -o /tmp/rsqrt-tune scripts/rsqrt-tune.c -lm
 *   /tmp/rsqrt-tune fma1 0x5f1fffc8 0x1.ae9266p+0 -0x1.686dap-1
 *   /tmp/rsqrt-tune fma2 0x5f5ffb00 0x1.7c9b0ap+0 -0x1.3edc04p-1 0x1.e06b22p-4
 *   /tmp/rsqrt-tune fma3 0x5f1ffb00 0x1.39f0f8p+1 -0x1.8a7e72p+1 0x1.2941c4p+1 -0x1.635484p-1
 *   /tmp/rsqrt-tune kadlec 0x5f1ffff9 0.703952253 2.38924456     (no better neighbour)
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ONE 0x3f800000u
#define FOUR 0x40800000u
#define N (FOUR - ONE)

static float xs[N];
static double es[N];
static int form; /* 0 kadlec, 1 fma1, 2 fma2, 3 fma3 */
static int nc; /* float constants */

static float fb(uint32_t u) {
  float f;
  memcpy(&f, &u, sizeof f);
  return f;
}

static uint32_t bf(float f) {
  uint32_t u;
  memcpy(&u, &f, sizeof u);
  return u;
}

static inline float kernel(float x, uint32_t r, const float *c) {
  float y = fb(r - (bf(x) >> 1));
  float xy = x * y;
  switch (form) {
    case 0: {
      float a = c[0] * y;
      float t = xy * y;
      float u = c[1] - t;
      return a * u;
    }
    case 1: {
      float yb = y * c[1];
      return y * fmaf(xy, yb, c[0]);
    }
    case 2: {
      float t = xy * y;
      return y * fmaf(fmaf(t, c[2], c[1]), t, c[0]);
    }
    default: {
      float t = xy * y;
      return y * fmaf(fmaf(fmaf(t, c[3], c[2]), t, c[1]), t, c[0]);
    }
  }
}

static double max_rel(uint32_t r, const float *c, uint32_t *worst) {
  double m = 0;
  uint32_t w = 0;
  for (uint32_t k = 0; k < N; k++) {
    double d = fabs((double) kernel(xs[k], r, c) - es[k]) / es[k];
    if (d > m) {
      m = d;
      w = k;
    }
  }
  if (worst) {
    *worst = ONE + w;
  }
  return m;
}

static float step_float(float v, long s) {
  uint32_t u = bf(v);
  /* ulp steps in the magnitude's code; the sign kept */
  int64_t m = (int64_t) (u & 0x7fffffffu) + s;
  if (m < 1) m = 1;
  if (m > 0x7f7fffff) m = 0x7f7fffff;
  return fb((u & 0x80000000u) | (uint32_t) m);
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: rsqrt-tune kadlec|fma1|fma2|fma3 R C0 [C1 ...]\n");
    return 2;
  }
  const char *f = argv[1];
  form = strcmp(f, "kadlec") == 0 ? 0 : strcmp(f, "fma1") == 0 ? 1 : strcmp(f, "fma2") == 0 ? 2
       : strcmp(f, "fma3") == 0 ? 3 : -1;
  int want[] = {2, 2, 3, 4};
  if (form < 0 || argc != 3 + want[form]) {
    fprintf(stderr, "rsqrt-tune: form %s needs R and %d constants\n", f, form < 0 ? 0 : want[form]);
    return 2;
  }
  nc = want[form];
  uint32_t r = (uint32_t) strtoul(argv[2], NULL, 0);
  float c[4];
  for (int k = 0; k < nc; k++) {
    c[k] = strtof(argv[3 + k], NULL);
  }
  for (uint32_t k = 0; k < N; k++) {
    xs[k] = fb(ONE + k);
    es[k] = 1.0 / sqrt((double) xs[k]);
  }
  uint32_t w;
  double best = max_rel(r, c, &w);
  printf("start: %.9e\n", best);
  int changed = 1;
  while (changed) {
    changed = 0;
    for (int which = -1; which < nc; which++) {
      for (long s = 4096; s >= 1; s /= 2) {
        for (int dir = -1; dir <= 1; dir += 2) {
          for (;;) {
            uint32_t r2 = r;
            float c2[4];
            memcpy(c2, c, sizeof c2);
            if (which < 0) {
              r2 = r + (uint32_t) (dir * s);
            } else {
              c2[which] = step_float(c[which], dir * s);
            }
            double e = max_rel(r2, c2, &w);
            if (e < best) {
              best = e;
              r = r2;
              memcpy(c, c2, sizeof c2);
              changed = 1;
            } else {
              break;
            }
          }
        }
      }
    }
    printf("round: %.9e R=0x%08x", best, r);
    for (int k = 0; k < nc; k++) printf(" %a", c[k]);
    printf("\n");
    fflush(stdout);
  }
  max_rel(r, c, &w);
  printf("final %s: max rel err %.9e at x = %a\nR = 0x%08x\n", f, best, fb(w), r);
  for (int k = 0; k < nc; k++) printf("c%d = %a (%.9g)\n", k, c[k], c[k]);
  return 0;
}
