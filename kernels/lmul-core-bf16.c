/*
 * Core error of a bfloat16 product kernel on every mantissa pair (issue 14, section 2): both
 * operands in [1, 2) (a = 0x3f80 | fa, b = 0x3f80 | fb, all 16,384 pairs), so the product is
 * normal and in range; the relative error of a normal product does not depend on the exponents
 * while the result stays normal, so this is the core error for every exponent pair away from
 * the overflow and underflow edges. Prints the exact pairs, the mean |relative error|, the max
 * and the bias (mean signed relative error), against the exact real product.
 *   cc -std=c99 -O2 -ffp-contract=off -DKERNEL=trunc4_bf16 \
 *      -include kernels/lmul-bf16/trunc4_bf16.c kernels/lmul-core-bf16.c -lm -o /tmp/c && /tmp/c
 */
#include <math.h>
#include <stdio.h>

/* The value of a normal positive bfloat16 code. */
static double value(int code) {
  return ldexp(1.0 + (code & 127) / 128.0, ((code >> 7) & 255) - 127);
}

int main(void) {
  long exact = 0, n = 0;
  double sum = 0, bias = 0, max = 0;
  for (int fa = 0; fa < 128; fa++) {
    for (int fb = 0; fb < 128; fb++) {
      int a = 0x3f80 | fa, b = 0x3f80 | fb;
      double want = value(a) * value(b); /* exact: 16 significant bits */
      int got = (int) (KERNEL(a, b) & 0xffff);
      double rel = (value(got) - want) / want;
      /* the correctly rounded product: round want to 8 significant bits, ties to even */
      int e;
      double m = frexp(want, &e);                  /* want = m * 2^e, m in [0.5, 1) */
      double r = ldexp(nearbyint(ldexp(m, 8)), e - 8); /* default rounding: to nearest even */
      exact += value(got) == r;
      sum += fabs(rel);
      bias += rel;
      if (fabs(rel) > max) max = fabs(rel);
      n++;
    }
  }
  printf("pairs %ld exact %.2f%% mean %.3f%% max %.2f%% bias %+.3f%%\n", n, 100.0 * exact / n,
         100 * sum / n, 100 * max, 100 * bias / n);
  return 0;
}
