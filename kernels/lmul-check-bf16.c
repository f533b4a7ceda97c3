/*
 * Independent check of an exported bfloat16 product kernel (numevo export --lang c) on every
 * mantissa pair: for each exponent pair below, all 128 x 128 mantissa-field pairs (signs
 * alternating), i.e. every significand product the kernel depends on, at every shift amount:
 * ea runs over all 256 exponent fields against each eb of a list (0, 1, 2, 3, 60, 120, 126, 127,
 * 128, 134, 200, 250, 253, 254, 255: subnormal, normal, Inf and NaN), and the same with a and b
 * swapped: 2 x 256 x 15 x 16,384 = 125,829,120 pairs.
 *
 *   cc -std=c99 -O2 -ffp-contract=off -DKERNEL=exact_int_bf16 \
 *      -include kernels/lmul-bf16/exact_int_bf16.c kernels/lmul-check-bf16.c -lm -o /tmp/c && /tmp/c
 *
 * Shares no code with numevo: codes are decoded here, the exact product is one binary64
 * multiplication (two 8-bit significands), and the correctly rounded code is computed by scaling
 * to the code's quantum and rounding with nearbyint (round to nearest even, the default mode);
 * a rounded magnitude beyond the largest finite value is Inf. Prints the pairs checked and the
 * mismatches (any NaN matches a NaN), and the first few mismatches.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>

static double decode(int c) {
  int s = (c >> 15) & 1, e = (c >> 7) & 255, f = c & 127;
  double v;
  if (e == 255) {
    v = f == 0 ? INFINITY : NAN;
  } else if (e == 0) {
    v = ldexp((double) f, -133);
  } else {
    v = ldexp((double) (f + 128), e - 134);
  }
  return s ? -v : v;
}

static int encode(double p) {
  int sign = signbit(p) ? 0x8000 : 0;
  if (isnan(p)) return 0x7fc0 | sign;
  double x = fabs(p);
  if (isinf(x)) return 0x7f80 | sign;
  int code;
  if (x < ldexp(1.0, -126)) {
    code = (int) nearbyint(ldexp(x, 133)); /* subnormal quantum 2^-133; 128 is the min normal */
  } else {
    int e;
    frexp(x, &e); /* x in [2^(e-1), 2^e) */
    double n = nearbyint(ldexp(x, 8 - e)); /* 8 significant bits: [128, 256] */
    code = ((e - 1 + 127) << 7) + (int) n - 128;
  }
  if (code >= 0x7f80) code = 0x7f80;
  return code | sign;
}

int main(void) {
  static const int ebs[] = {0, 1, 2, 3, 60, 120, 126, 127, 128, 134, 200, 250, 253, 254, 255};
  long pairs = 0, bad = 0;
  for (int swap = 0; swap < 2; swap++) {
    for (int ea = 0; ea < 256; ea++) {
      for (unsigned k = 0; k < sizeof ebs / sizeof ebs[0]; k++) {
        for (int fa = 0; fa < 128; fa++) {
          for (int fb = 0; fb < 128; fb++) {
            int x = (ea << 7) | fa, y = (ebs[k] << 7) | fb;
            if ((fa ^ fb) & 1) x |= 0x8000;
            if ((fa >> 1 ^ fb) & 1) y |= 0x8000;
            int a = swap ? y : x, b = swap ? x : y;
            int want = encode(decode(a) * decode(b));
            int got = (int) (KERNEL(a, b) & 0xffff);
            pairs++;
            if (got != want && !(isnan(decode(got)) && isnan(decode(want)))) {
              if (bad++ < 5) printf("mismatch a=%#06x b=%#06x got %#06x want %#06x\n", a, b, got, want);
            }
          }
        }
      }
    }
  }
  printf("pairs %ld mismatches %ld\n", pairs, bad);
  return 0;
}
