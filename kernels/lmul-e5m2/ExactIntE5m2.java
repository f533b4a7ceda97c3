// Kernel exact_int_e5m2 (e5m2), exported by numevo (numevo export --lang java).
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

/** Kernel exact_int_e5m2 in e5m2, exported from numevo. */
public final class ExactIntE5m2 {
  private ExactIntE5m2() {}

  /**
   * Computes kernel exact_int_e5m2.
   *
   * @param a an i32
   * @param b an i32
   * @return out, an i32
   */
  public static int apply(int a, int b) {
    int ma = a & 127; // ma = and a 127
    int mb = b & 127; // mb = and b 127
    int na = 3 < ma ? 1 : 0; // na = lt 3 ma
    int fa = ma & 3; // fa = and ma 3
    int fa4 = fa | 4; // fa4 = or fa 4
    int A = na != 0 ? fa4 : ma; // A = select na fa4 ma
    int nb = 3 < mb ? 1 : 0; // nb = lt 3 mb
    int b0 = mb & 1; // b0 = and mb 1
    int p0 = b0 != 0 ? A : 0; // p0 = select b0 A 0
    int b1 = mb & 2; // b1 = and mb 2
    int A1 = A << 1; // A1 = shl A 1
    int p1 = b1 != 0 ? A1 : 0; // p1 = select b1 A1 0
    int A2 = A << 2; // A2 = shl A 2
    int p2 = nb != 0 ? A2 : 0; // p2 = select nb A2 0
    int s01 = p0 + p1; // s01 = add p0 p1
    int P = s01 + p2; // P = add s01 p2
    int c8 = 7 < P ? 1 : 0; // c8 = lt 7 P
    int c16 = 15 < P ? 1 : 0; // c16 = lt 15 P
    int c32 = 31 < P ? 1 : 0; // c32 = lt 31 P
    int k1 = 16 - c8; // k1 = sub 16 c8
    int k2 = k1 - c16; // k2 = sub k1 c16
    int k = k2 - c32; // k = sub k2 c32
    int y0 = ma + mb; // y0 = add ma mb
    int y1 = y0 - A; // y1 = sub y0 A
    int y2 = y1 >>> 2; // y2 = ushr y1 2
    int T2 = y2 - nb; // T2 = sub y2 nb
    int c = k < T2 ? 1 : 0; // c = lt k T2
    int sigma = c != 0 ? k : T2; // sigma = select c k T2
    int Z = P << sigma; // Z = shl P sigma
    int q = Z >>> 16; // q = ushr Z 16
    int lsb = q & 1; // lsb = and q 1
    int t = Z + 32767; // t = add Z 32767
    int t1 = t + lsb; // t1 = add t lsb
    int M = t1 >>> 16; // M = ushr t1 16
    int dd = T2 - sigma; // dd = sub T2 sigma
    int d4 = dd << 2; // d4 = shl dd 2
    int code = d4 + M; // code = add d4 M
    int ov = 123 < code ? 1 : 0; // ov = lt 123 code
    int r1 = ov != 0 ? 124 : code; // r1 = select ov 124 code
    int r2 = P != 0 ? r1 : 0; // r2 = select P r1 0
    int lm = ma < mb ? 1 : 0; // lm = lt ma mb
    int mx = lm != 0 ? mb : ma; // mx = select lm mb ma
    int mz = P != 0 ? mx : 127; // mz = select P mx 127
    int sp = 123 < mx ? 1 : 0; // sp = lt 123 mx
    int r3 = sp != 0 ? mz : r2; // r3 = select sp mz r2
    int sx = a ^ b; // sx = xor a b
    int sign = sx & 128; // sign = and sx 128
    int out = r3 | sign; // out = or r3 sign
    return out;
  }
}
