package numevo.targets.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

/**
 * Computes the coefficients of the shipped polynomial baselines and writes their kernel files:
 *
 * <ul>
 *   <li>exp2 on [0, 1], degrees 5-7: minimax in absolute error (2^x lies in [1, 2), where a float32
 *       ULP is a constant 2^-23, so absolute error is ULP error), c0 = 1 fixed, then the other
 *       coefficients rounded to float32 one at a time from c1 up, refitting the rest after each
 *       (Remez on the remaining powers) and choosing, of the two float32 neighbours of each, the
 *       one whose refit has the smaller error: a greedy form of what Sollya's fpminimax does.
 *   <li>e^r on [-0.3467, 0.3467] (the Cody-Waite reduced range), degree 6, relative error, c0 = c1
 *       = 1 fixed, the rest rounded the same way.
 *   <li>2^x on (0, 1] in float64, degrees 1-5, relative error, double coefficients.
 * </ul>
 *
 * Run: {@code java -cp targets/target/test-classes numevo.targets.tools.MinimaxFit OUTDIR} writes
 * OUTDIR/exp2/*.kernel, OUTDIR/exp/cody_waite6.kernel and OUTDIR/exp2-real/*.kernel. A test checks
 * that the shipped files are this program's output.
 */
public final class MinimaxFit {
  private MinimaxFit() {}

  static final DoubleUnaryOperator EXP2 = x -> StrictMath.pow(2, x);
  static final double REDUCED = 0.3467;

  /** exp2 coefficients c0..cn as float32, c0 = 1. */
  static float[] exp2Float(int degree) {
    return sequential(EXP2, x -> 1.0, 0, 1, degree, new float[] {1f});
  }

  /** e^r coefficients c0..cn as float32, c0 = c1 = 1. */
  static float[] expReducedFloat(int degree) {
    DoubleUnaryOperator f = StrictMath::exp;
    return sequential(
        f, x -> 1 / StrictMath.exp(x), -REDUCED, REDUCED, degree, new float[] {1f, 1f});
  }

  /** 2^x on (0, 1], relative minimax, double coefficients c0..cn. */
  static double[] exp2RealDouble(int degree) {
    return Remez.fit(EXP2, x -> 1 / StrictMath.pow(2, x), 0, degree, 0, 1).coefficients();
  }

  /**
   * Fits f with weight w on [a, b]: the coefficients in {@code fixed} stay, each next one is
   * fitted, rounded to one of its two float32 neighbours (the one whose refit of the rest is
   * better), and fixed.
   */
  static float[] sequential(
      DoubleUnaryOperator f, DoubleUnaryOperator w, double a, double b, int n, float[] fixed) {
    List<Float> c = new ArrayList<>();
    for (float v : fixed) {
      c.add(v);
    }
    while (c.size() <= n) {
      int j = c.size();
      double cj = Remez.fit(rest(f, c), w, j, n, a, b).coefficients()[0];
      float down = (float) cj;
      if (down > cj) {
        down = Math.nextDown(down);
      }
      float up = Math.nextUp(down);
      float best = down;
      double bestErr = Double.POSITIVE_INFINITY;
      for (float cand : new float[] {down, up}) {
        c.add(cand);
        double err =
            j == n
                ? Remez.maxAbs(weighted(rest(f, c), w), a, b)
                : Remez.fit(rest(f, c), w, j + 1, n, a, b).error();
        c.remove(c.size() - 1);
        if (err < bestErr) {
          bestErr = err;
          best = cand;
        }
      }
      c.add(best);
    }
    float[] out = new float[c.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = c.get(i);
    }
    return out;
  }

  /** f minus the polynomial of the fixed coefficients. */
  private static DoubleUnaryOperator rest(DoubleUnaryOperator f, List<Float> c) {
    double[] k = new double[c.size()];
    for (int i = 0; i < k.length; i++) {
      k[i] = c.get(i);
    }
    return x -> f.applyAsDouble(x) - Remez.eval(k, 0, x);
  }

  private static DoubleUnaryOperator weighted(DoubleUnaryOperator e, DoubleUnaryOperator w) {
    return x -> w.applyAsDouble(x) * e.applyAsDouble(x);
  }

  /** The error of the real polynomial with these coefficients (no float rounding), weighted. */
  static double realError(
      float[] c, DoubleUnaryOperator f, DoubleUnaryOperator w, double a, double b) {
    double[] k = new double[c.length];
    for (int i = 0; i < k.length; i++) {
      k[i] = c[i];
    }
    return Remez.maxAbs(x -> w.applyAsDouble(x) * (f.applyAsDouble(x) - Remez.eval(k, 0, x)), a, b);
  }

  /** A Horner kernel p(v) = c0 + v (c1 + v (...)) over literals, with fma or mul-add steps. */
  static String horner(
      String name, String format, List<String> comment, String[] c, boolean fma, String var) {
    StringBuilder sb = new StringBuilder();
    for (String line : comment) {
      sb.append("# ").append(line).append('\n');
    }
    sb.append("kernel ").append(name).append(' ').append(format).append('\n');
    sb.append("input ").append(var).append(" : f\n");
    sb.append(hornerBody(c, fma, var, "p"));
    sb.append("output p0\n");
    return sb.toString();
  }

  /** The Horner instructions, the last defining {@code prefix + "0"}. */
  static String hornerBody(String[] c, boolean fma, String var, String prefix) {
    StringBuilder sb = new StringBuilder();
    int n = c.length - 1;
    String acc = c[n];
    for (int k = n - 1; k >= 0; k--) {
      String p = prefix + k;
      if (fma) {
        sb.append(p).append(" = fma ").append(var).append(' ').append(acc).append(' ').append(c[k]);
        sb.append('\n');
      } else {
        sb.append(prefix)
            .append('m')
            .append(k)
            .append(" = mul ")
            .append(var)
            .append(' ')
            .append(acc);
        sb.append('\n');
        sb.append(p)
            .append(" = add ")
            .append(prefix)
            .append('m')
            .append(k)
            .append(' ')
            .append(c[k]);
        sb.append('\n');
      }
      acc = p;
    }
    return sb.toString();
  }

  static String[] hex(float[] c) {
    String[] s = new String[c.length];
    for (int i = 0; i < c.length; i++) {
      s[i] = c[i] == 1f ? "1.0" : Float.toHexString(c[i]);
    }
    return s;
  }

  static String[] hex(double[] c) {
    String[] s = new String[c.length];
    for (int i = 0; i < c.length; i++) {
      s[i] = Double.toHexString(c[i]);
    }
    return s;
  }

  private static String decimals(float[] c) {
    StringBuilder sb = new StringBuilder();
    for (int i = c.length - 1; i >= 0; i--) {
      sb.append(String.format(Locale.ROOT, "c%d = %.9e", i, c[i]));
      if (i > 0) {
        sb.append("  ");
      }
    }
    return sb.toString();
  }

  /** Every generated file: relative path and text. */
  static List<String[]> files() {
    List<String[]> out = new ArrayList<>();
    for (int d = 5; d <= 7; d++) {
      float[] c = exp2Float(d);
      double approx = realError(c, EXP2, x -> 1.0, 0, 1);
      for (boolean fma : new boolean[] {true, false}) {
        String name = "exp2_horner" + d + (fma ? "_fma" : "");
        List<String> comment =
            List.of(
                "2^x on [0, 1) in float32: degree-"
                    + d
                    + " polynomial, Horner's rule with "
                    + (fma ? "fma." : "mul and add (no fma)."),
                "",
                "Coefficients: numevo.targets.tools.MinimaxFit (test scope): minimax in absolute",
                "error by a Remez exchange, c0 = 1, then c1.."
                    + d
                    + " rounded to float32 one at a time,",
                "each time refitting the higher ones. Max |p(x) - 2^x| of the rounded polynomial in",
                String.format(
                    Locale.ROOT,
                    "real arithmetic: %.3g (%.3f ULP of 2^-23).",
                    approx,
                    approx * 0x1p23),
                decimals(c));
        out.add(
            new String[] {
              "exp2/horner" + d + (fma ? "_fma" : "") + ".kernel",
              horner(name, "float32", comment, hex(c), fma, "x")
            });
      }
    }
    out.add(new String[] {"exp/cody_waite6.kernel", codyWaite()});
    for (int d = 1; d <= 5; d++) {
      double[] c = exp2RealDouble(d);
      double[] cc = c;
      double err =
          Remez.maxAbs(
              x -> (StrictMath.pow(2, x) - Remez.eval(cc, 0, x)) / StrictMath.pow(2, x), 0, 1);
      List<String> comment =
          List.of(
              "2^x on (0, 1] in float64: degree-"
                  + d
                  + " polynomial, Horner's rule with fma ("
                  + d
                  + (d == 1 ? " op)." : " ops)."),
              "",
              "Coefficients: numevo.targets.tools.MinimaxFit (test scope): minimax in relative error",
              String.format(
                  Locale.ROOT,
                  "by a Remez exchange, in double; max relative error in real arithmetic %.3g.",
                  err));
      out.add(
          new String[] {
            "exp2-real/horner" + d + "_fma.kernel",
            horner("exp2_real_horner" + d + "_fma", "float64", comment, hex(c), true, "x")
          });
    }
    return out;
  }

  /**
   * The full-range expf kernel: clamp, Cody-Waite reduction, degree-6 polynomial, 2^n in two steps.
   */
  static String codyWaite() {
    float[] c = expReducedFloat(6);
    double approx = realError(c, StrictMath::exp, x -> 1 / StrictMath.exp(x), -REDUCED, REDUCED);
    double ln2 = Math.log(2);
    float ln2hi = (float) ln2;
    float ln2lo = (float) (ln2 - ln2hi);
    float log2e = (float) (1 / ln2);
    StringBuilder sb = new StringBuilder();
    sb.append(
        "# e^x over all float32 inputs: Cody-Waite range reduction and a degree-6 polynomial.\n");
    sb.append("#\n");
    sb.append(
        "# n = rint(x log2 e); r = x - n ln2 with ln2 = ln2hi + ln2lo (the first fma is exact:\n");
    sb.append(
        "# x - n ln2hi is a multiple of ulp(ln2hi) below 0.35); e^x = p(r) 2^n, with 2^n applied as\n");
    sb.append(
        "# two normal factors 2^(n>>1) 2^(n - (n>>1)) so that a subnormal result is rounded once.\n");
    sb.append(
        "# x is clamped to [-104, 89] first: e^-104 rounds to 0 and e^89 overflows, so the\n");
    sb.append(
        "# clamp changes no result; it keeps n within the factors' range and turns +-inf into\n");
    sb.append(
        "# the same 0 and +inf. NaN passes through min and max (Java semantics) to the result.\n");
    sb.append("#\n");
    sb.append("# p: numevo.targets.tools.MinimaxFit (test scope): minimax in relative error on\n");
    sb.append(
        "# [-0.3467, 0.3467] by a Remez exchange, c0 = c1 = 1, c2..c6 rounded to float32 one at a\n");
    sb.append(
        String.format(
            Locale.ROOT,
            "# time with refits; max relative error in real arithmetic %.3g.%n",
            approx));
    sb.append("# ").append(decimals(c)).append('\n');
    sb.append("kernel exp_cody_waite6 float32\n");
    sb.append("input x : f\n");
    sb.append("xa = max x -104.0\n");
    sb.append("xc = min xa 89.0\n");
    sb.append("t = mul xc ").append(Float.toHexString(log2e)).append("          # log2(e)\n");
    sb.append("n = rint t\n");
    sb.append("r1 = fma n ")
        .append(Float.toHexString(-ln2hi))
        .append(" xc      # x - n ln2hi, exact\n");
    sb.append("r = fma n ").append(Float.toHexString(-ln2lo)).append(" r1\n");
    sb.append(hornerBody(hex(c), true, "r", "p"));
    sb.append("k = toi n\n");
    sb.append("k1 = shr k 1\n");
    sb.append("k2 = sub k k1\n");
    sb.append("e1 = add k1 127\n");
    sb.append("b1 = shl e1 23\n");
    sb.append("s1 = frombits b1                # 2^(n>>1)\n");
    sb.append("e2 = add k2 127\n");
    sb.append("b2 = shl e2 23\n");
    sb.append("s2 = frombits b2                # 2^(n - (n>>1))\n");
    sb.append("y1 = mul p0 s1                  # exact: a normal result\n");
    sb.append("y = mul y1 s2                   # the one rounding\n");
    sb.append("output y\n");
    return sb.toString();
  }

  public static void main(String[] args) throws IOException {
    Path dir =
        Path.of(args.length > 0 ? args[0] : "targets/src/main/resources/numevo/targets/baselines");
    for (String[] f : files()) {
      Path p = dir.resolve(f[0]);
      Files.createDirectories(p.getParent());
      Files.writeString(p, f[1], StandardCharsets.UTF_8);
      System.out.println("wrote " + p);
    }
  }
}
