// Kernel exact_int_e4m3fn (e4m3fn), exported by numevo (numevo export --lang java).
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

/** Kernel exact_int_e4m3fn in e4m3fn, exported from numevo. */
public final class ExactIntE4m3fn {
  private ExactIntE4m3fn() {}

  /**
   * Computes kernel exact_int_e4m3fn.
   *
   * @param a an i32
   * @param b an i32
   * @return out, an i32
   */
  public static int apply(int a, int b) {
    int ma = a & 127; // ma = and a 127
    int mb = b & 127; // mb = and b 127
    int na = 7 < ma ? 1 : 0; // na = lt 7 ma
    int fa = ma & 7; // fa = and ma 7
    int fa8 = fa | 8; // fa8 = or fa 8
    int A = na != 0 ? fa8 : ma; // A = select na fa8 ma
    int nb = 7 < mb ? 1 : 0; // nb = lt 7 mb
    int b0 = mb & 1; // b0 = and mb 1
    int p0 = b0 != 0 ? A : 0; // p0 = select b0 A 0
    int b1 = mb & 2; // b1 = and mb 2
    int A1 = A << 1; // A1 = shl A 1
    int p1 = b1 != 0 ? A1 : 0; // p1 = select b1 A1 0
    int b2 = mb & 4; // b2 = and mb 4
    int A2 = A << 2; // A2 = shl A 2
    int p2 = b2 != 0 ? A2 : 0; // p2 = select b2 A2 0
    int A3 = A << 3; // A3 = shl A 3
    int p3 = nb != 0 ? A3 : 0; // p3 = select nb A3 0
    int s01 = p0 + p1; // s01 = add p0 p1
    int s23 = p2 + p3; // s23 = add p2 p3
    int P = s01 + s23; // P = add s01 s23
    int c16 = 15 < P ? 1 : 0; // c16 = lt 15 P
    int c32 = 31 < P ? 1 : 0; // c32 = lt 31 P
    int c64 = 63 < P ? 1 : 0; // c64 = lt 63 P
    int c128 = 127 < P ? 1 : 0; // c128 = lt 127 P
    int k1 = 9 - c16; // k1 = sub 9 c16
    int k2 = k1 - c32; // k2 = sub k1 c32
    int k3 = k2 - c64; // k3 = sub k2 c64
    int k = k3 - c128; // k = sub k3 c128
    int y0 = ma + mb; // y0 = add ma mb
    int y1 = y0 - A; // y1 = sub y0 A
    int y2 = y1 >>> 3; // y2 = ushr y1 3
    int T2 = y2 - nb; // T2 = sub y2 nb
    int c = k < T2 ? 1 : 0; // c = lt k T2
    int sigma = c != 0 ? k : T2; // sigma = select c k T2
    int Z = P << sigma; // Z = shl P sigma
    int q = Z >>> 9; // q = ushr Z 9
    int lsb = q & 1; // lsb = and q 1
    int t = Z + 255; // t = add Z 255
    int t1 = t + lsb; // t1 = add t lsb
    int M = t1 >>> 9; // M = ushr t1 9
    int dd = T2 - sigma; // dd = sub T2 sigma
    int d8 = dd << 3; // d8 = shl dd 3
    int code = d8 + M; // code = add d8 M
    int ov = 126 < code ? 1 : 0; // ov = lt 126 code
    int r1 = ov != 0 ? 127 : code; // r1 = select ov 127 code
    int r2 = P != 0 ? r1 : 0; // r2 = select P r1 0
    int xa = ma == 127 ? 1 : 0; // xa = eq ma 127
    int xb = mb == 127 ? 1 : 0; // xb = eq mb 127
    int x = xa | xb; // x = or xa xb
    int r3 = x != 0 ? 127 : r2; // r3 = select x 127 r2
    int sx = a ^ b; // sx = xor a b
    int sign = sx & 128; // sign = and sx 128
    int out = r3 | sign; // out = or r3 sign
    return out;
  }
}
