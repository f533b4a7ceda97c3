/*
 * Independent exhaustive checker of kernels/exp2: runs the kernel's C export (numevo export
 * --lang c) on every float32 x in [0, 1) and compares each result with exp2l (x87 long double,
 * 64-bit significand), on its own ULP code, not numevo's: err = |y - e| / ulp(e) with
 * ulp(e) = 2^(E - 23), 2^E <= e < 2^(E+1). Every result lies in [1, 2], so no special values.
 *
 * Build and run (from the repository root):
 *   gcc -std=c99 -O2 -ffp-contract=off -o /tmp/check_exp2 \
 *       kernels/exp2/check/check_exp2.c kernels/exp2/exp2_horner6_ranked.c -lm
 *   /tmp/check_exp2
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

float exp2_horner6_ranked(float x);

int main(void) {
  double maxErr = 0;
  float worst = 0;
  uint64_t n = 0;
  for (uint32_t b = 0; b < 0x3f800000u; b++) {
    float x;
    memcpy(&x, &b, 4);
    float y = exp2_horner6_ranked(x);
    long double e = exp2l((long double) x);
    int E;
    frexpl(e, &E); /* e = m 2^E, m in [0.5, 1): binade 2^(E-1) */
    long double ulp = ldexpl(1.0L, E - 1 - 23);
    double err = (double) (fabsl((long double) y - e) / ulp);
    if (err > maxErr) {
      maxErr = err;
      worst = x;
    }
    n++;
  }
  printf("points %llu, max_ulp %.6f at %a (%.9g)\n", (unsigned long long) n, maxErr, worst, worst);
  return 0;
}
