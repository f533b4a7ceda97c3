/*
 * Independent exhaustive checker of rsqrt kernels: runs a kernel's C export (numevo export
 * --lang c) on every positive normal float32 x in [2^-126, FLT_MAX] (the codes 0x00800000 ..
 * 0x7f7fffff, 2,130,706,432 inputs: the domain of numevo's rsqrt target) and compares each
 * result y with e = 1 / sqrtl(x) in x87 long double (64-bit significand), on its own error code,
 * not numevo's.
 *
 * Measures:
 *   relative error |y - e| / e (what Moroz et al. 2018 and Walczyk et al. 2021 report);
 *   ULP error |y - e| / ulp(e), ulp(e) = 2^(E - 23) for 2^E <= e < 2^(E+1) (docs/targets.md;
 *     e = 1/sqrt(x) lies in [2^-64, 2^63], always a normal float's binade);
 *   correctly rounded: y == (float) e.
 * A result that is not finite counts as infinitely wrong (reported separately; no positive normal
 * x has a non-finite 1/sqrt(x)).
 *
 * e is first computed in double, 1 / sqrt((double) x), within 2^-51 (relative) of 1/sqrt(x)
 * (sqrt and the division round once each): 2^-28 float ULP. Where that double lies within 2^-20
 * ULP of a midpoint between two floats (where its rounding to float could be in doubt) e is
 * redone in long double (within 2^-63 relative, 2^-40 ULP). The errors are computed in double
 * from that e (|y - e| and the quotients round once each, 2^-52 relative): exact to far more
 * digits than printed. (float) e could still differ from
 * the correctly rounded result within 2^-40 ULP of a midpoint; such points are counted ("near
 * midpoints"). 1/sqrt(x) is a power of two only for x a power of 4 (then every step is exact),
 * so the binade of e is that of the exact value.
 *
 * The second set of figures covers x in [1, 4) only: one period of the kernels' error (x -> 4x
 * shifts the code by 2^24, the magic-constant guess by -2^23 (y0 -> y0 / 2 exactly) and leaves
 * every float product like x y0^2 unchanged while nothing over- or underflows), so that a kernel
 * whose figures over [1, 4) equal those over the whole domain is seen to lose nothing at the ends.
 *
 * Build and run (from the repository root), for the kernel function FN in FILE.c:
 *   gcc -std=c99 -O2 -ffp-contract=off -c -o /tmp/k.o FILE.c
 *   gcc -std=c99 -O2 -ffp-contract=off -pthread -DFN=rsqrt_fma3 -o /tmp/check_rsqrt \
 *       kernels/rsqrt/check/check_rsqrt.c /tmp/k.o -lm
 *   /tmp/check_rsqrt [THREADS] [period]   (THREADS defaults to 2; "period": [1, 4) only, seconds)
 */
#define _GNU_SOURCE
#include <float.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef FN
#error "define FN, the exported kernel's function name: -DFN=name"
#endif
#define STR2(s) #s
#define STR(s) STR2(s)

float FN(float x);

#define FIRST 0x00800000u /* 2^-126 */
#define LAST 0x7f7fffffu /* FLT_MAX */
#define ONE 0x3f800000u /* 1 */
#define FOUR 0x40800000u /* 4 */
#define CHUNK 0x10000u

typedef struct {
  long double max_rel, max_ulp, sum_rel, sum_ulp;
  uint32_t worst_rel, worst_ulp; /* the smallest code reaching the maximum */
  uint64_t points, cr, inf_err, near_mid;
} Stats;

static Stats *chunk_all, *chunk_period;
static uint32_t chunk_count;
static uint32_t next_chunk = 0;
static uint32_t first_code = FIRST, last_code = LAST;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static float from_bits(uint32_t u) {
  float f;
  memcpy(&f, &u, sizeof f);
  return f;
}

static uint32_t to_bits(float f) {
  uint32_t u;
  memcpy(&u, &f, sizeof u);
  return u;
}

static void clear(Stats *s) {
  memset(s, 0, sizeof *s);
  s->worst_rel = s->worst_ulp = UINT32_MAX;
}

/* 2^k as a double, for -1022 <= k <= 1023. */
static double pow2(int k) {
  uint64_t u = (uint64_t) (k + 1023) << 52;
  double d;
  memcpy(&d, &u, sizeof d);
  return d;
}

/* The binade exponent E of a positive normal double e: 2^E <= e < 2^(E+1). */
static int binade(double e) {
  uint64_t u;
  memcpy(&u, &e, sizeof u);
  return (int) (u >> 52) - 1023;
}

/*
 * One point: y the kernel's result, e = 1/sqrt(x) in double (within 2^-51 relative), redone in
 * long double where the double is within 2^-20 ULP of a midpoint. |y - e| and its quotients are
 * computed in double (relative error 2^-52 each); the sums in long double.
 */
static void add_point(Stats *s, uint32_t code, float y, double ed, float x) {
  s->points++;
  if (!isfinite(y)) {
    s->inf_err++;
    return;
  }
  int E = binade(ed);
  double q = ed * pow2(23 - E); /* e in ULPs: its fraction says how near a midpoint */
  long double el = ed;
  if (fabs(q - floor(q) - 0.5) < 0x1p-20) {
    el = 1.0L / sqrtl((long double) x);
    long double ql = el * pow2(23 - E);
    if (fabsl(ql - floorl(ql) - 0.5L) < 0x1p-40L) {
      s->near_mid++;
    }
    if (y == (float) el) {
      s->cr++;
    }
  } else if (y == (float) ed) {
    s->cr++;
  }
  double d = el == (long double) ed ? fabs((double) y - ed) : (double) fabsl((long double) y - el);
  double rel = d / ed;
  double ulp = d * pow2(23 - E);
  s->sum_rel += rel;
  s->sum_ulp += ulp;
  if (rel > s->max_rel || (rel == s->max_rel && code < s->worst_rel)) {
    s->max_rel = rel;
    s->worst_rel = code;
  }
  if (ulp > s->max_ulp || (ulp == s->max_ulp && code < s->worst_ulp)) {
    s->max_ulp = ulp;
    s->worst_ulp = code;
  }
}

static void merge(Stats *into, const Stats *s) {
  into->points += s->points;
  into->cr += s->cr;
  into->inf_err += s->inf_err;
  into->near_mid += s->near_mid;
  into->sum_rel += s->sum_rel;
  into->sum_ulp += s->sum_ulp;
  if (s->max_rel > into->max_rel || (s->max_rel == into->max_rel && s->worst_rel < into->worst_rel)) {
    into->max_rel = s->max_rel;
    into->worst_rel = s->worst_rel;
  }
  if (s->max_ulp > into->max_ulp || (s->max_ulp == into->max_ulp && s->worst_ulp < into->worst_ulp)) {
    into->max_ulp = s->max_ulp;
    into->worst_ulp = s->worst_ulp;
  }
}

static void *work(void *arg) {
  (void) arg;
  for (;;) {
    pthread_mutex_lock(&lock);
    uint32_t c = next_chunk++;
    pthread_mutex_unlock(&lock);
    if (c >= chunk_count) {
      return NULL;
    }
    Stats *all = &chunk_all[c], *period = &chunk_period[c];
    clear(all);
    clear(period);
    uint64_t lo = first_code + (uint64_t) c * CHUNK;
    uint64_t hi = lo + CHUNK - 1 > last_code ? last_code : lo + CHUNK - 1;
    for (uint64_t code = lo; code <= hi; code++) {
      float x = from_bits((uint32_t) code);
      float y = FN(x);
      double ed = 1.0 / sqrt((double) x);
      add_point(all, (uint32_t) code, y, ed, x);
      if (code >= ONE && code < FOUR) {
        add_point(period, (uint32_t) code, y, ed, x);
      }
    }
  }
}

static void print(const char *what, const Stats *s) {
  float wr = from_bits(s->worst_rel), wu = from_bits(s->worst_ulp);
  printf("%s: %llu points\n", what, (unsigned long long) s->points);
  printf("  max_rel_err        %.9Le  at x = %a (%.9g)\n", s->max_rel, wr, wr);
  printf("  max_ulp            %.6Lf  at x = %a (%.9g)\n", s->max_ulp, wu, wu);
  printf("  mean_rel_err       %.6Le\n", s->sum_rel / (s->points - s->inf_err));
  printf("  mean_ulp           %.4Lf\n", s->sum_ulp / (s->points - s->inf_err));
  printf("  correctly_rounded  %llu\n", (unsigned long long) s->cr);
  printf("  infinite_error     %llu\n", (unsigned long long) s->inf_err);
  printf("  near_midpoints     %llu (within 2^-40 ULP)\n", (unsigned long long) s->near_mid);
}

int main(int argc, char **argv) {
  int threads = argc > 1 ? atoi(argv[1]) : 2;
  if (threads < 1 || threads > 256) {
    fprintf(stderr, "check_rsqrt: THREADS must be 1..256\n");
    return 2;
  }
  int period_only = argc > 2 && strcmp(argv[2], "period") == 0;
  if (period_only) {
    first_code = ONE;
    last_code = FOUR - 1;
  }
  chunk_count = (uint32_t) (((uint64_t) last_code - first_code + CHUNK) / CHUNK);
  chunk_all = calloc(chunk_count, sizeof(Stats));
  chunk_period = calloc(chunk_count, sizeof(Stats));
  if (chunk_all == NULL || chunk_period == NULL) {
    fprintf(stderr, "check_rsqrt: out of memory\n");
    return 1;
  }
  pthread_t t[256];
  for (int k = 0; k < threads; k++) {
    pthread_create(&t[k], NULL, work, NULL);
  }
  for (int k = 0; k < threads; k++) {
    pthread_join(t[k], NULL);
  }
  Stats all, period;
  clear(&all);
  clear(&period);
  for (uint32_t c = 0; c < chunk_count; c++) {
    merge(&all, &chunk_all[c]);
    merge(&period, &chunk_period[c]);
  }
  printf("kernel %s, every positive normal float32 against 1/sqrt (double; long double near midpoints)\n", STR(FN));
  if (!period_only) {
    print("all positive normals [2^-126, FLT_MAX]", &all);
  }
  print("one period [1, 4)", &period);
  (void) to_bits;
  return all.inf_err == 0 ? 0 : 1;
}
