// Kernel ovf19_e4m3fn (e4m3fn), exported by numevo (numevo export --lang java).
// Self-contained: compiles alone with Java 17 or later.
//
// Computes what numevo's reference interpreter computes, bit for bit (every NaN
// counts as one value):
// - e4m3fn values travel as floats, which hold them exactly; add, sub and
//   mul compute in float and round once more to e4m3fn (roundFloat), the other
//   ops in binary64, rounded to odd to float, then the same (round):
//   either way the correctly rounded result; fma rounds the binary64
//   sum to odd first;
// - comparisons give 1 or 0; i32 arithmetic wraps; toi rounds half to even and
//   trunc truncates, both saturating, NaN giving 0.

/** Kernel ovf19_e4m3fn in e4m3fn, exported from numevo. */
public final class Ovf19E4m3fn {
  private Ovf19E4m3fn() {}

  /**
   * Computes kernel ovf19_e4m3fn.
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
    int low = sum & 7; // low = and sum 7
    int k = low != 0 ? 56 : 55; // k = select low 56:i32 55:i32
    int r = sum - k; // r = sub sum k
    int under = r < 1 ? 1 : 0; // under = lt r 1
    int r1 = under != 0 ? 0 : r; // r1 = select under 0 r
    int over = 125 < r1 ? 1 : 0; // over = lt 125 r1
    int r2 = over != 0 ? 127 : r1; // r2 = select over 127 r1
    int na = ma == 127 ? 1 : 0; // na = eq ma 127
    int nb = mb == 127 ? 1 : 0; // nb = eq mb 127
    int isnan = na | nb; // isnan = or na nb
    int r3 = isnan != 0 ? 127 : r2; // r3 = select isnan 127 r2
    int sx = a ^ b; // sx = xor a b
    int sign = sx & 128; // sign = and sx 128
    int out = r3 | sign; // out = or r3 sign
    return out;
  }
}
