// Kernel carry22_bf16 (bfloat16), exported by numevo (numevo export --lang java).
// Self-contained: compiles alone with Java 17 or later.
//
// Computes what numevo's reference interpreter computes, bit for bit (every NaN
// counts as one value):
// - bfloat16 values travel as floats, which hold them exactly; add, sub and
//   mul compute in float and round once more to bfloat16 (roundFloat), the other
//   ops in binary64, rounded to odd to float, then the same (round):
//   either way the correctly rounded result; fma rounds the binary64
//   sum to odd first;
// - comparisons give 1 or 0; i32 arithmetic wraps; toi rounds half to even and
//   trunc truncates, both saturating, NaN giving 0.

/** Kernel carry22_bf16 in bfloat16, exported from numevo. */
public final class Carry22Bf16 {
  private Carry22Bf16() {}

  /**
   * Computes kernel carry22_bf16.
   *
   * @param a an i32
   * @param b an i32
   * @return out, an i32
   */
  public static int apply(int a, int b) {
    int ma = a & 32767; // ma = and a 32767
    int mb = b & 32767; // mb = and b 32767
    int za = ma != 0 ? ma : (-65536); // za = select ma ma -65536
    int zb = mb != 0 ? mb : (-65536); // zb = select mb mb -65536
    int sum = za + zb; // sum = add za zb
    int lo = sum & 127; // lo = and sum 127
    int fa = a & 127; // fa = and a 127
    int c = lo < fa ? 1 : 0; // c = lt lo fa
    int k = c != 0 ? 16251 : 16248; // k = select c 16251:i32 16248:i32
    int r = sum - k; // r = sub sum k
    int under = r < 1 ? 1 : 0; // under = lt r 1
    int r1 = under != 0 ? 0 : r; // r1 = select under 0 r
    int over = 32639 < r1 ? 1 : 0; // over = lt 32639 r1
    int r2 = over != 0 ? 32640 : r1; // r2 = select over 32640 r1
    int lm = ma < mb ? 1 : 0; // lm = lt ma mb
    int mx = lm != 0 ? mb : ma; // mx = select lm mb ma
    int mz = mx | under; // mz = or mx under
    int sp = 32639 < mx ? 1 : 0; // sp = lt 32639 mx
    int r3 = sp != 0 ? mz : r2; // r3 = select sp mz r2
    int sx = a ^ b; // sx = xor a b
    int sign = sx & 32768; // sign = and sx 32768
    int out = r3 | sign; // out = or r3 sign
    return out;
  }
}
