// Kernel splice19_e4m3fn (e4m3fn), exported by numevo (numevo export --lang java).
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

/** Kernel splice19_e4m3fn in e4m3fn, exported from numevo. */
public final class Splice19E4m3fn {
  private Splice19E4m3fn() {}

  /**
   * Computes kernel splice19_e4m3fn.
   *
   * @param a an i32
   * @param b an i32
   * @return t18, an i32
   */
  public static int apply(int a, int b) {
    int t0 = a & 127; // t0 = and a 127
    int t1 = b & 127; // t1 = and b 127
    int t2 = t0 != 0 ? t0 : (-1024); // t2 = select t0 t0 -1024
    int t3 = t1 != 0 ? t1 : (-1024); // t3 = select t1 t1 -1024
    int t4 = t2 + t3; // t4 = add t2 t3
    int t5 = t4 & 7; // t5 = and t4 7
    int t6 = t5 != 0 ? 56 : 55; // t6 = select t5 56:i32 55:i32
    int t7 = t4 - t6; // t7 = sub t4 t6
    int t8 = t7 < 1 ? 1 : 0; // t8 = lt t7 1
    int t9 = t8 != 0 ? 0 : t7; // t9 = select t8 0 t7
    int t10 = 126 <= t9 ? 1 : 0; // t10 = le 126 t9
    int t11 = t10 != 0 ? 127 : t9; // t11 = select t10 127 t9
    int t12 = t0 == 127 ? 1 : 0; // t12 = eq t0 127
    int t13 = t1 == 127 ? 1 : 0; // t13 = eq t1 127
    int t14 = t12 | t13; // t14 = or t12 t13
    int t15 = t14 != 0 ? 127 : t11; // t15 = select t14 127 t11
    int t16 = a ^ b; // t16 = xor a b
    int t17 = t16 & 128; // t17 = and t16 128
    int t18 = t15 | t17; // t18 = or t15 t17
    return t18;
  }
}
