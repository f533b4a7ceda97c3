// Kernel exact_int_bf16 (bfloat16), exported by numevo (numevo export --lang java).
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

/** Kernel exact_int_bf16 in bfloat16, exported from numevo. */
public final class ExactIntBf16 {
  private ExactIntBf16() {}

  /**
   * Computes kernel exact_int_bf16.
   *
   * @param a an i32
   * @param b an i32
   * @return out, an i32
   */
  public static int apply(int a, int b) {
    int ma = a & 32767; // ma = and a 32767
    int mb = b & 32767; // mb = and b 32767
    int na = 127 < ma ? 1 : 0; // na = lt 127 ma
    int fa = ma & 127; // fa = and ma 127
    int fa8 = fa | 128; // fa8 = or fa 128
    int A = na != 0 ? fa8 : ma; // A = select na fa8 ma
    int nb = 127 < mb ? 1 : 0; // nb = lt 127 mb
    int b0 = mb & 1; // b0 = and mb 1
    int p0 = b0 != 0 ? A : 0; // p0 = select b0 A 0
    int b1 = mb & 2; // b1 = and mb 2
    int A1 = A << 1; // A1 = shl A 1
    int p1 = b1 != 0 ? A1 : 0; // p1 = select b1 A1 0
    int b2 = mb & 4; // b2 = and mb 4
    int A2 = A << 2; // A2 = shl A 2
    int p2 = b2 != 0 ? A2 : 0; // p2 = select b2 A2 0
    int b3 = mb & 8; // b3 = and mb 8
    int A3 = A << 3; // A3 = shl A 3
    int p3 = b3 != 0 ? A3 : 0; // p3 = select b3 A3 0
    int b4 = mb & 16; // b4 = and mb 16
    int A4 = A << 4; // A4 = shl A 4
    int p4 = b4 != 0 ? A4 : 0; // p4 = select b4 A4 0
    int b5 = mb & 32; // b5 = and mb 32
    int A5 = A << 5; // A5 = shl A 5
    int p5 = b5 != 0 ? A5 : 0; // p5 = select b5 A5 0
    int b6 = mb & 64; // b6 = and mb 64
    int A6 = A << 6; // A6 = shl A 6
    int p6 = b6 != 0 ? A6 : 0; // p6 = select b6 A6 0
    int A7 = A << 7; // A7 = shl A 7
    int p7 = nb != 0 ? A7 : 0; // p7 = select nb A7 0
    int q0_0 = p0 + p1; // q0_0 = add p0 p1
    int q0_1 = p2 + p3; // q0_1 = add p2 p3
    int q0_2 = p4 + p5; // q0_2 = add p4 p5
    int q0_3 = p6 + p7; // q0_3 = add p6 p7
    int q1_0 = q0_0 + q0_1; // q1_0 = add q0_0 q0_1
    int q1_1 = q0_2 + q0_3; // q1_1 = add q0_2 q0_3
    int q2_0 = q1_0 + q1_1; // q2_0 = add q1_0 q1_1
    int c8 = 255 < q2_0 ? 1 : 0; // c8 = lt 255 q2_0
    int k8 = 16 - c8; // k8 = sub 16 c8
    int c9 = 511 < q2_0 ? 1 : 0; // c9 = lt 511 q2_0
    int k9 = k8 - c9; // k9 = sub k8 c9
    int c10 = 1023 < q2_0 ? 1 : 0; // c10 = lt 1023 q2_0
    int k10 = k9 - c10; // k10 = sub k9 c10
    int c11 = 2047 < q2_0 ? 1 : 0; // c11 = lt 2047 q2_0
    int k11 = k10 - c11; // k11 = sub k10 c11
    int c12 = 4095 < q2_0 ? 1 : 0; // c12 = lt 4095 q2_0
    int k12 = k11 - c12; // k12 = sub k11 c12
    int c13 = 8191 < q2_0 ? 1 : 0; // c13 = lt 8191 q2_0
    int k13 = k12 - c13; // k13 = sub k12 c13
    int c14 = 16383 < q2_0 ? 1 : 0; // c14 = lt 16383 q2_0
    int k14 = k13 - c14; // k14 = sub k13 c14
    int c15 = 32767 < q2_0 ? 1 : 0; // c15 = lt 32767 q2_0
    int k15 = k14 - c15; // k15 = sub k14 c15
    int y0 = ma + mb; // y0 = add ma mb
    int y1 = y0 - A; // y1 = sub y0 A
    int y2 = y1 >>> 7; // y2 = ushr y1 7
    int T2 = y2 - nb; // T2 = sub y2 nb
    int w = T2 - 117; // w = sub T2 117
    int c = k15 < w ? 1 : 0; // c = lt k15 w
    int sigma = c != 0 ? k15 : w; // sigma = select c k15 w
    int Z = q2_0 << sigma; // Z = shl q2_0 sigma
    int q = Z >>> 16; // q = ushr Z 16
    int lsb = q & 1; // lsb = and q 1
    int t = Z + 32767; // t = add Z 32767
    int t1 = t + lsb; // t1 = add t lsb
    int M = t1 >>> 16; // M = ushr t1 16
    int dd = w - sigma; // dd = sub w sigma
    int d7 = dd << 7; // d7 = shl dd 7
    int code = d7 + M; // code = add d7 M
    int ov = 32639 < code ? 1 : 0; // ov = lt 32639 code
    int r1 = ov != 0 ? 32640 : code; // r1 = select ov 32640 code
    int un = sigma < 0 ? 1 : 0; // un = lt sigma 0
    int r2 = un != 0 ? 0 : r1; // r2 = select un 0 r1
    int r3 = q2_0 != 0 ? r2 : 0; // r3 = select q2_0 r2 0
    int lm = ma < mb ? 1 : 0; // lm = lt ma mb
    int mx = lm != 0 ? mb : ma; // mx = select lm mb ma
    int z = q2_0 == 0 ? 1 : 0; // z = eq q2_0 0
    int mz = mx | z; // mz = or mx z
    int sp = 32639 < mx ? 1 : 0; // sp = lt 32639 mx
    int r4 = sp != 0 ? mz : r3; // r4 = select sp mz r3
    int sx = a ^ b; // sx = xor a b
    int sign = sx & 32768; // sign = and sx 32768
    int out = r4 | sign; // out = or r4 sign
    return out;
  }
}
