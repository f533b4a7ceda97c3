// Kernel mitchell18_e5m2 (e5m2), exported by numevo (numevo export --lang java).
// Self-contained: compiles alone with Java 17 or later.
//
// Computes what numevo's reference interpreter computes, bit for bit (every NaN
// counts as one value):
// - e5m2 values travel as floats, which hold them exactly; add, sub and
//   mul compute in float and round once more to e5m2 (roundFloat), the other
//   ops in binary64, rounded to odd to float, then the same (round):
//   either way the correctly rounded result; fma rounds the binary64
//   sum to odd first;
// - comparisons give 1 or 0; i32 arithmetic wraps; toi rounds half to even and
//   trunc truncates, both saturating, NaN giving 0.

/** Kernel mitchell18_e5m2 in e5m2, exported from numevo. */
public final class Mitchell18E5m2 {
  private Mitchell18E5m2() {}

  /**
   * Computes kernel mitchell18_e5m2.
   *
   * @param a an i32
   * @param b an i32
   * @return out, an i32
   */
  public static int apply(int a, int b) {
    int ma = a & 127; // ma = and a 127
    int mb = b & 127; // mb = and b 127
    int za = ma != 0 ? ma : (-1024); // za = select ma ma -1024
    int zb = mb != 0 ? mb : (-1024); // zb = select mb mb -1024
    int sum = za + zb; // sum = add za zb
    int r = sum - 60; // r = sub sum 60
    int under = r < 1 ? 1 : 0; // under = lt r 1
    int r1 = under != 0 ? 0 : r; // r1 = select under 0 r
    int over = 123 < r1 ? 1 : 0; // over = lt 123 r1
    int r2 = over != 0 ? 124 : r1; // r2 = select over 124 r1
    int lm = ma < mb ? 1 : 0; // lm = lt ma mb
    int mx = lm != 0 ? mb : ma; // mx = select lm mb ma
    int mz = mx | under; // mz = or mx under
    int sp = 123 < mx ? 1 : 0; // sp = lt 123 mx
    int r3 = sp != 0 ? mz : r2; // r3 = select sp mz r2
    int sx = a ^ b; // sx = xor a b
    int sign = sx & 128; // sign = and sx 128
    int out = r3 | sign; // out = or r3 sign
    return out;
  }
}
