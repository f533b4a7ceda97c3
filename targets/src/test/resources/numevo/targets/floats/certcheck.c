/*
 * An independent exhaustive checker for float32 e^x and 2^x kernels: the kernel's error in ULPs
 * and relative to a long double libm reference (expl, exp2l: 64-bit significands, within about
 * 2^-63 relative), over every float32 code in [FROM, TO), in code order, single-threaded.
 *
 * The kernel comes from `numevo export FILE --lang c --name kernel_fn` (or CExporter) in
 * kernel.c beside this file. Build: gcc -O2 -ffp-contract=off -o certcheck certcheck.c -lm
 * Run:   ./certcheck exp|exp2 FROM TO   (codes in hex, TO exclusive, up to 0x100000000)
 *
 * The ULP convention is numevo's (docs/targets.md): |y - exact| / ulp(exact), the ULP of the
 * exact value's binade, 2^(e - 23) for 2^e <= |exact| < 2^(e+1), at least 2^-149; a result equal
 * to the correctly rounded one where the result or the exact value is not finite has error 0, any
 * other such result an infinite error. Only the reference differs from numevo's: long double libm
 * instead of a float64 approximation with an error bound and a BigDecimal fallback.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kernel.c"

int main(int argc, char **argv) {
  if (argc != 4 || (strcmp(argv[1], "exp") != 0 && strcmp(argv[1], "exp2") != 0)) {
    fprintf(stderr, "usage: certcheck exp|exp2 FROM TO (float32 codes in hex, TO exclusive)\n");
    return 2;
  }
  int is_exp = strcmp(argv[1], "exp") == 0;
  uint64_t from = strtoull(argv[2], NULL, 16);
  uint64_t to = strtoull(argv[3], NULL, 16);
  uint64_t points = 0, correct = 0, inf_ulp = 0;
  long double max_ulp = 0, sum_ulp = 0, max_rel = 0;
  float worst = NAN;
  for (uint64_t c = from; c < to; c++) {
    uint32_t bits = (uint32_t)c;
    float x;
    memcpy(&x, &bits, 4);
    float y = kernel_fn(x);
    long double ref = is_exp ? expl((long double)x) : exp2l((long double)x);
    float cr = (float)ref;
    int same = y == cr || (isnan(y) && isnan(cr));
    long double u, e;
    if (isfinite(y) && isfinite(ref)) {
      int b = ref == 0 ? -126 : ilogbl(ref);
      if (b < -126) b = -126;
      long double d = fabsl((long double)y - ref);
      u = ldexpl(d, 23 - b);
      e = ref == 0 ? (d == 0 ? 0 : INFINITY) : d / fabsl(ref);
    } else {
      u = same ? 0 : INFINITY;
      e = u;
    }
    points++;
    if (same) correct++;
    if (isinf(u)) inf_ulp++;
    else sum_ulp += u;
    if (u > max_ulp) {
      max_ulp = u;
      worst = x;
    }
    if (e > max_rel) max_rel = e;
  }
  printf("points %llu\n", (unsigned long long)points);
  printf("max_ulp %.17Lg\n", max_ulp);
  printf("worst_input %a\n", (double)worst);
  printf("mean_ulp %.17Lg\n", points ? sum_ulp / points : 0.0L);
  printf("max_rel_err %.17Lg\n", max_rel);
  printf("correctly_rounded %llu\n", (unsigned long long)correct);
  printf("inf_ulp_points %llu\n", (unsigned long long)inf_ulp);
  return 0;
}
