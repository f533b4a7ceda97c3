// Kernel xtop3_bf16 (bfloat16), exported by numevo (numevo export --lang java).
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

/** Kernel xtop3_bf16 in bfloat16, exported from numevo. */
public final class Xtop3Bf16 {
  private Xtop3Bf16() {}

  /**
   * Computes kernel xtop3_bf16.
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
    int fa = a & 127; // fa = and a 127
    int fb = b & 127; // fb = and b 127
    int b6 = fb & 64; // b6 = and fb 64
    int s6 = fa << 3; // s6 = shl fa 3
    int p6 = b6 != 0 ? s6 : 0; // p6 = select b6 s6 0
    int q6 = fa + p6; // q6 = add fa p6
    int b5 = fb & 32; // b5 = and fb 32
    int s5 = fa << 2; // s5 = shl fa 2
    int p5 = b5 != 0 ? s5 : 0; // p5 = select b5 s5 0
    int q5 = q6 + p5; // q5 = add q6 p5
    int b4 = fb & 16; // b4 = and fb 16
    int s4 = fa << 1; // s4 = shl fa 1
    int p4 = b4 != 0 ? s4 : 0; // p4 = select b4 s4 0
    int q4 = q5 + p4; // q4 = add q5 p4
    int xy = q4 >>> 4; // xy = ushr q4 4
    int f0 = fa + fb; // f0 = add fa fb
    int es = sum - f0; // es = sub sum f0
    int g = f0 + xy; // g = add f0 xy
    int h = g >>> 1; // h = ushr g 1
    int h64 = h + 64; // h64 = add h 64
    int c = g < h64 ? 1 : 0; // c = lt g h64
    int m = c != 0 ? g : h64; // m = select c g h64
    int T = es + m; // T = add es m
    int r = T - 16256; // r = sub T 16256
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
