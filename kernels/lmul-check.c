/*
 * Independent exhaustive check of an exported FP8 product kernel (numevo export --lang c).
 *
 * Build and run (from the repository root), e.g.:
 *   cc -std=c99 -O2 -ffp-contract=off -DFMT_E4M3FN -DKERNEL=exact_int_e4m3fn \
 *      -include kernels/lmul-e4m3/exact-int.c kernels/lmul-check.c -lm -o /tmp/check && /tmp/check
 * FMT_E4M3FN or FMT_E5M2 picks the format; KERNEL names the exported function.
 *
 * It shares no code with numevo: the codes are decoded here from the format's layout, the exact
 * product is one binary64 multiplication (exact: two 4-bit significands), and the correctly
 * rounded code is the nearest finite code (ties to the even code), found by scanning all codes;
 * a product beyond the largest finite value by half an ulp or more (ties to even) overflows to
 * Inf (e5m2) or NaN (e4m3fn, no Inf), as ml_dtypes' non-saturating conversion does.
 * It prints the pairs matched bit for bit (any NaN matches a NaN) and, on the core pairs (both
 * operands normal, the sum of their unbiased exponents in [1 - bias, 2^ebits - 2 - bias], the
 * rounded product normal: numevo's core pairs, the protocol of issue 14), the mean and max |relative error| and the bias (mean signed relative error) against
 * the exact product. Exit status 0 always; the caller compares the figures.
 */
#include <math.h>
#include <stdio.h>
#include <stdint.h>

#if defined(FMT_E4M3FN)
#define MBITS 3
#define EBITS 4
#define BIAS 7
#define HAS_INF 0
#elif defined(FMT_E5M2)
#define MBITS 2
#define EBITS 5
#define BIAS 15
#define HAS_INF 1
#else
#error "define FMT_E4M3FN or FMT_E5M2"
#endif

static double decode(int c) {
  int s = (c >> 7) & 1, e = (c >> MBITS) & ((1 << EBITS) - 1), f = c & ((1 << MBITS) - 1);
  double v;
  if (HAS_INF && e == (1 << EBITS) - 1) {
    v = f == 0 ? INFINITY : NAN;
  } else if (!HAS_INF && (c & 127) == 127) {
    v = NAN;
  } else if (e == 0) {
    v = ldexp((double) f, 1 - BIAS - MBITS);
  } else {
    v = ldexp((double) (f + (1 << MBITS)), e - BIAS - MBITS);
  }
  return s ? -v : v;
}

/* The correctly rounded code of p (round to nearest, ties to even; no saturation). */
static int encode(double p) {
  int sign = signbit(p) ? 128 : 0;
  double x = fabs(p);
  if (isnan(p)) return 127 | sign;
  int top = HAS_INF ? (0x7f - (1 << MBITS)) : 0x7e; /* largest finite code */
  int inf = HAS_INF ? (0x7f - (1 << MBITS) + 1) : 0x7f;
  double max = decode(top), ulp = max - decode(top - 1);
  if (isinf(x)) return inf | sign;
  /* beyond max: the next code would be max + ulp; the midpoint ties to the even one */
  if (x > max + ulp / 2 || (x == max + ulp / 2 && (top & 1))) return inf | sign;
  if (x >= max) return top | sign;
  int best = 0;
  double bd = INFINITY;
  for (int c = 0; c <= top; c++) {
    double d = fabs(decode(c) - x);
    if (d < bd || (d == bd && (c & 1) == 0)) {
      bd = d;
      best = c;
    }
  }
  return best | sign;
}

int main(void) {
  long exact = 0, core = 0;
  double sum_abs = 0, sum = 0, max = 0;
  double min_normal = ldexp(1.0, 1 - BIAS);
  int emin = 1 - BIAS, emax = (1 << EBITS) - 2 - BIAS;
  for (int a = 0; a < 256; a++) {
    for (int b = 0; b < 256; b++) {
      double x = decode(a), y = decode(b), p = x * y;
      int want = encode(p);
      int got = (int) (KERNEL(a, b) & 255);
      double g = decode(got), w = decode(want);
      if (got == want || (isnan(g) && isnan(w))) exact++;
      if (isfinite(w) && fabs(w) >= min_normal && fabs(x) >= min_normal && fabs(y) >= min_normal
          && isfinite(x) && isfinite(y)) {
        int ea, eb;
        frexp(x, &ea);
        frexp(y, &eb);
        int e = (ea - 1) + (eb - 1);
        if (e >= emin && e <= emax) {
          core++;
          if (isfinite(g)) {
            double r = (g - p) / p;
            sum_abs += fabs(r);
            sum += r;
            if (fabs(r) > max) max = fabs(r);
          } else {
            sum_abs += 1; /* not expected on core pairs; counted as error 1 */
            max = max > 1 ? max : 1;
          }
        }
      }
    }
  }
  printf("exact %ld/65536 core %ld mean %.6f max %.6f bias %+.6f\n", exact, core, sum_abs / core,
         max, sum / core);
  return 0;
}
