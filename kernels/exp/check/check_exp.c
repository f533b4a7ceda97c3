/*
 * Independent exhaustive checker of kernels/exp: runs the kernel's C export (numevo export
 * --lang c) on all 2^32 float32 inputs and compares each result with expl (x87 long double,
 * 64-bit significand), on its own ULP code, not numevo's.
 *
 * ULP convention (docs/targets.md, exp.md): err = |y - e| / ulp(e), ulp(e) = 2^(max(E, -126) - 23)
 * where 2^E <= |e| < 2^(E+1) (binades continue above the largest float); a result equal to the
 * correctly rounded one, (float) e, has the formula's error when both are finite, else 0; any
 * other result where the result or e is not finite has an infinite error.
 *
 * Build and run (from the repository root; THREADS defaults to 2):
 *   gcc -std=c99 -O2 -ffp-contract=off -pthread -o /tmp/check_exp \
 *       kernels/exp/check/check_exp.c -lm
 *   /tmp/check_exp [THREADS]
 *
 * The exact value is glibc's exp in double (error below 1 ulp of double, 2^-29 float ULP), redone
 * with expl where the double is within 2^-20 ULP of a midpoint between two floats (where the
 * rounding could be in doubt) or within 2^-40 of a power of two (where the binade could be).
 * Errors are computed in double on the common path (|y - e| is rounded once, relative 2^-53).
 * expl is not correctly rounded either: (float) expl(x) can differ from the correctly rounded
 * result where e^x is within about 2^-40 ULP of a midpoint. Such points are counted ("near
 * midpoints") so a disagreement with numevo's exact reference there can be recognized.
 */
#define _GNU_SOURCE
#include <float.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../exp_f32.c"

#define CHUNKS 4096u /* 2^32 / CHUNKS codes per chunk */

typedef struct {
  long double max_ulp;
  uint32_t worst; /* the smallest code reaching max_ulp */
  uint64_t not_cr; /* results different from (float) expl */
  uint64_t inf_err; /* results with infinite error */
  uint64_t near_mid; /* exact value within 2^-40 ULP of a midpoint */
  long double sum_ulp; /* over points with finite error */
} Stats;

static Stats chunk_stats[CHUNKS];
static unsigned next_chunk = 0;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static float from_bits(uint32_t u) {
  float f;
  memcpy(&f, &u, sizeof f);
  return f;
}

/* The ULP of e as float32 per the convention (e finite). */
static long double ulp_of(long double e) {
  int E = e == 0 ? -126 : ilogbl(e);
  if (E < -126) {
    E = -126;
  }
  return ldexpl(1.0L, E - 23);
}

/* The same for a double e (the common path: no x87 long double arithmetic). */
static double ulp_of_double(double e) {
  int E = e == 0 ? -126 : ilogb(e);
  if (E < -126) {
    E = -126;
  }
  return ldexp(1.0, E - 23);
}

/* |e / ulp(e) - (nearest midpoint)|, in ULPs. */
static long double midpoint_distance(long double e) {
  long double q = fabsl(e) / ulp_of(e);
  return fabsl(q - floorl(q) - 0.5L);
}

static double midpoint_distance_double(double e) {
  double q = fabs(e) / ulp_of_double(e); /* exact: a power-of-two scaling */
  return fabs(q - floor(q) - 0.5);
}

/*
 * e^x: exp in double; expl where the double's rounding to float or its binade is in doubt. Where
 * exp overflows to inf (x > 709.78) or underflows to 0 (x < -745.13) the double is kept: the
 * correctly rounded float is then +inf or +0 either way, and an exact value beyond the double
 * range counts as not finite, as in numevo (whose exact reference starts from double libm).
 * *from_expl says which.
 */
static long double exact(float x, int *from_expl) {
  double d = exp((double)x);
  *from_expl = 0;
  if (!isfinite(d) || d == 0) {
    return d;
  }
  int ex;
  double m = frexp(d, &ex); /* m in [0.5, 1) */
  if (midpoint_distance_double(d) < 0x1p-20 || m - 0.5 < 0x1p-40 || 1 - m < 0x1p-40) {
    *from_expl = 1;
    return expl((long double)x);
  }
  return d;
}

static void check_chunk(unsigned c, Stats *s) {
  memset(s, 0, sizeof *s);
  s->max_ulp = -1;
  s->worst = UINT32_MAX;
  uint32_t per = (uint32_t)(((uint64_t)1 << 32) / CHUNKS);
  for (uint64_t i = 0; i < per; i++) {
    uint32_t code = c * per + (uint32_t)i;
    float x = from_bits(code);
    float y = exp_f32(x);
    int from_expl;
    long double e = exact(x, &from_expl);
    float cr = (float)e;
    int same = (y == cr) || (isnan(y) && isnan(cr));
    long double err;
    if (!same) {
      s->not_cr++;
    }
    if (isfinite(y) && isfinite(e)) {
      if (from_expl) {
        err = fabsl((long double)y - e) / ulp_of(e);
        if (midpoint_distance(e) < 0x1p-40L) {
          s->near_mid++;
        }
      } else {
        double ed = (double)e;
        err = fabs((double)y - ed) / ulp_of_double(ed);
      }
    } else {
      err = same ? 0 : INFINITY;
    }
    if (isinf(err)) {
      s->inf_err++;
    } else {
      s->sum_ulp += err;
    }
    if (err > s->max_ulp) { /* strict: the first (smallest) code of the chunk is kept */
      s->max_ulp = err;
      s->worst = code;
    }
  }
}

static void *worker(void *arg) {
  (void)arg;
  for (;;) {
    pthread_mutex_lock(&lock);
    unsigned c = next_chunk++;
    pthread_mutex_unlock(&lock);
    if (c >= CHUNKS) {
      return NULL;
    }
    check_chunk(c, &chunk_stats[c]);
  }
}

static void special(const char *name, float x) {
  float y = exp_f32(x);
  float cr = (float)expl((long double)x);
  uint32_t yb, cb;
  memcpy(&yb, &y, 4);
  memcpy(&cb, &cr, 4);
  printf("  exp(%-16s) = %-14a (0x%08x)  correctly rounded %-14a %s\n", name, (double)y, yb,
         (double)cr, (y == cr || (isnan(y) && isnan(cr))) ? "ok" : "DIFFERENT");
}

int main(int argc, char **argv) {
  int threads = argc > 1 ? atoi(argv[1]) : 2;
  if (threads < 1 || threads > 256) {
    fprintf(stderr, "check_exp: THREADS must be 1..256, got '%s'\n", argv[1]);
    return 2;
  }
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  pthread_t th[256];
  for (int i = 0; i < threads; i++) {
    pthread_create(&th[i], NULL, worker, NULL);
  }
  for (int i = 0; i < threads; i++) {
    pthread_join(th[i], NULL);
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  Stats all = {0};
  all.max_ulp = -1;
  all.worst = UINT32_MAX;
  for (unsigned c = 0; c < CHUNKS; c++) { /* in code order: the result does not depend on threads */
    Stats *s = &chunk_stats[c];
    if (s->max_ulp > all.max_ulp || (s->max_ulp == all.max_ulp && s->worst < all.worst)) {
      all.max_ulp = s->max_ulp;
      all.worst = s->worst;
    }
    all.not_cr += s->not_cr;
    all.inf_err += s->inf_err;
    all.near_mid += s->near_mid;
    all.sum_ulp += s->sum_ulp;
  }
  float wx = from_bits(all.worst);
  printf("exp_f32 over all 4294967296 float32 inputs against exp/expl\n");
  printf("  max_ulp            %.6Lf\n", all.max_ulp);
  printf("  worst_input        %.9g (%a, code 0x%08x): kernel %a, expl %.20Lg\n", (double)wx,
         (double)wx, all.worst, (double)exp_f32(wx), expl((long double)wx));
  printf("  mean_ulp           %.6Lf (points with finite error)\n",
         all.sum_ulp / (long double)(4294967296.0 - (double)all.inf_err));
  printf("  not_correctly_rounded %llu (%.6f%%)\n", (unsigned long long)all.not_cr,
         100.0 * (double)all.not_cr / 4294967296.0);
  printf("  inf_ulp_points     %llu\n", (unsigned long long)all.inf_err);
  printf("  near_midpoints     %llu (expl's rounding may decide these)\n",
         (unsigned long long)all.near_mid);
  printf("  seconds            %.1f on %d threads\n",
         (double)(t1.tv_sec - t0.tv_sec) + 1e-9 * (double)(t1.tv_nsec - t0.tv_nsec), threads);
  printf("specials:\n");
  special("NaN", NAN);
  special("+inf", INFINITY);
  special("-inf", -INFINITY);
  special("+0", 0.0f);
  special("-0", -0.0f);
  special("0x1.62e42ep6", 0x1.62e42ep6f);
  special("0x1.62e430p6", 0x1.62e430p6f);
  special("89", 89.0f);
  special("1e30", 1e30f);
  special("-87.33654", -87.33654f);
  special("-90", -90.0f);
  special("-103.97", -103.97f);
  special("-103.98", -103.98f);
  special("-104", -104.0f);
  special("-1e30", -1e30f);
  special("FLT_MIN", FLT_MIN);
  special("-0x1p-149", -0x1p-149f);
  return all.inf_err == 0 && all.max_ulp <= 1.0L ? 0 : 1;
}
