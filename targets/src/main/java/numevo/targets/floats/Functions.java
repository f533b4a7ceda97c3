package numevo.targets.floats;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The functions of the built-in float targets. Each approximation is float64 libm ({@link
 * StrictMath}, fdlibm: below 1 ulp) or an exact error-free rewriting of it, with a bound of several
 * ulps to spare; where the value is close to 1 the approximation is kept as a double-double {@code
 * 1 + expm1(...)} so that the side of 1 it lies on is known.
 */
public enum Functions implements RealFunction {
  /** e^x. */
  EXP("e^x") {
    @Override
    public void approx(double x, Approx a) {
      if (Double.isNaN(x) || x == 0 || Double.isInfinite(x)) {
        a.setExact(x == Double.NEGATIVE_INFINITY ? 0.0 : Double.isNaN(x) ? x : x == 0 ? 1.0 : x);
      } else if (Math.abs(x) < 0.5) {
        onePlus(StrictMath.expm1(x), 4, a);
      } else {
        double y = StrictMath.exp(x);
        a.set(y, 0, 4 * Math.ulp(y));
      }
    }

    @Override
    public BigDecimal exact(double x, MathContext mc) {
      return BigMath.exp(new BigDecimal(x), mc);
    }
  },

  /** 2^x, from float64 libm. */
  EXP2("2^x") {
    @Override
    public void approx(double x, Approx a) {
      if (exp2Special(x, a)) {
        return;
      }
      if (Math.abs(x) < 1) {
        // t = x ln 2 carries 1.5 ulp of error, expm1 one more; expm1'(t) t / expm1(t) <= 1.4.
        onePlus(StrictMath.expm1(x * DoubleDouble.LN2_HI), 8, a);
      } else {
        double y = StrictMath.pow(2, x);
        a.set(y, 0, 4 * Math.ulp(y));
      }
    }

    @Override
    public BigDecimal exact(double x, MathContext mc) {
      return exp2Exact(x, mc);
    }
  },

  /** 2^x as a double-double with relative error below 2^-96: the reference of float64 targets. */
  EXP2_DD("2^x") {
    @Override
    public void approx(double x, Approx a) {
      if (exp2Special(x, a)) {
        return;
      }
      double[] r = DD_SCRATCH.get();
      DoubleDouble.exp2(x, r);
      if (r[0] == 0 || Double.isInfinite(r[0])) {
        a.set(r[0], 0, Double.MIN_VALUE);
      } else {
        a.set(r[0], r[1], Math.abs(r[0]) * 0x1p-96 + Double.MIN_VALUE);
      }
    }

    @Override
    public BigDecimal exact(double x, MathContext mc) {
      return exp2Exact(x, mc);
    }
  },

  /** log2 x. */
  LOG2("log2(x)") {
    @Override
    public void approx(double x, Approx a) {
      if (Double.isNaN(x) || x < 0) {
        a.setExact(Double.NaN);
        return;
      }
      if (x == 0) {
        a.setExact(Double.NEGATIVE_INFINITY);
        return;
      }
      if (Double.isInfinite(x)) {
        a.setExact(x);
        return;
      }
      // x = m 2^e with m in [sqrt(1/2), sqrt(2)): log2 x = e + ln(m) / ln 2, no cancellation.
      int e = Math.getExponent(x);
      double s = x;
      if (e < Double.MIN_EXPONENT) {
        s = x * 0x1p60;
        e = Math.getExponent(s) - 60;
        s = Math.scalb(s, -60 - e);
      } else {
        s = Math.scalb(x, -e);
      }
      if (s == 1.0) {
        a.setExact(e);
        return;
      }
      if (s > SQRT2) {
        s *= 0.5;
        e++;
      }
      double l = StrictMath.log(s) / DoubleDouble.LN2_HI;
      double err = 4 * Math.ulp(l);
      if (e == 0) {
        a.set(l, 0, err);
      } else {
        double h = e + l;
        a.set(h, l - (h - e), err);
      }
    }

    @Override
    public BigDecimal exact(double x, MathContext mc) {
      MathContext w = new MathContext(mc.getPrecision() + 5, RoundingMode.HALF_EVEN);
      return BigMath.ln(new BigDecimal(x), w).divide(BigMath.ln2(w), w).round(mc);
    }
  },

  /** 1 / sqrt(x). */
  RSQRT("1/sqrt(x)") {
    @Override
    public void approx(double x, Approx a) {
      if (Double.isNaN(x) || x < 0) {
        a.setExact(Double.NaN);
        return;
      }
      if (x == 0) {
        a.setExact(1 / x); // +inf for +0, -inf for -0, as IEEE rsqrt
        return;
      }
      if (Double.isInfinite(x)) {
        a.setExact(0.0);
        return;
      }
      double y = 1 / Math.sqrt(x); // two correctly rounded steps: within 1.5 ulp
      if (isPowerOfFour(x)) {
        a.setExact(y);
      } else {
        a.set(y, 0, 4 * Math.ulp(y));
      }
    }

    @Override
    public BigDecimal exact(double x, MathContext mc) {
      MathContext w = new MathContext(mc.getPrecision() + 5, RoundingMode.HALF_EVEN);
      return BigDecimal.ONE.divide(new BigDecimal(x).sqrt(w), w).round(mc);
    }
  },

  /** The logistic function 1 / (1 + e^-x). */
  SIGMOID("1/(1+e^-x)") {
    @Override
    public void approx(double x, Approx a) {
      if (Double.isNaN(x) || x == 0 || Double.isInfinite(x)) {
        a.setExact(Double.isNaN(x) ? x : x == 0 ? 0.5 : x > 0 ? 1.0 : 0.0);
        return;
      }
      if (x > 0) {
        // 1 - s with s = e^-x / (1 + e^-x) kept exactly as a double-double: the result may lie
        // within a hair below 1, and its binade must be known.
        double e = StrictMath.exp(-x);
        if (e == 0) {
          // 1 - e^-x with e^-x below 2^-1075: any value strictly between 1 - 2^-1074 and 1
          // rounds alike and has the same binade; 1 - 2^-1074 stands for all of them.
          a.set(1.0, -Double.MIN_VALUE, 0);
          return;
        }
        double s = e / (1 + e); // exp, add, div: within 3 ulp
        double h = 1 - s;
        a.set(h, (1 - h) - s, 8 * Math.ulp(s) + Double.MIN_VALUE);
      } else {
        double e = StrictMath.exp(x);
        double y = e / (1 + e);
        a.set(y, 0, 8 * Math.ulp(y) + Double.MIN_VALUE);
      }
    }

    @Override
    public BigDecimal exact(double x, MathContext mc) {
      MathContext w = new MathContext(mc.getPrecision() + 5, RoundingMode.HALF_EVEN);
      BigDecimal e = BigMath.exp(new BigDecimal(-x), w);
      return BigDecimal.ONE.divide(BigDecimal.ONE.add(e), w).round(mc);
    }
  };

  private static final double SQRT2 = Math.sqrt(2);

  private static final ThreadLocal<double[]> DD_SCRATCH =
      ThreadLocal.withInitial(() -> new double[2]);

  private final String formula;

  Functions(String formula) {
    this.formula = formula;
  }

  @Override
  public String formula() {
    return formula;
  }

  /** 1 + m as an exact double-double, with error {@code ulps * ulp(m)} (m from expm1, |m| < 1). */
  private static void onePlus(double m, int ulps, Approx a) {
    double h = 1 + m;
    a.set(h, m - (h - 1), ulps * Math.ulp(m) + Double.MIN_VALUE);
  }

  /** NaN, infinities and integers, where 2^x is exact; true if handled. */
  private static boolean exp2Special(double x, Approx a) {
    if (Double.isNaN(x)) {
      a.setExact(x);
      return true;
    }
    if (Double.isInfinite(x)) {
      a.setExact(x > 0 ? x : 0.0);
      return true;
    }
    if (x == Math.rint(x) && Math.abs(x) < 1100) {
      a.setExact(Math.scalb(1.0, (int) x));
      return true;
    }
    return false;
  }

  private static BigDecimal exp2Exact(double x, MathContext mc) {
    MathContext w = new MathContext(mc.getPrecision() + 5, RoundingMode.HALF_EVEN);
    return BigMath.exp(new BigDecimal(x).multiply(BigMath.ln2(w), w), mc);
  }

  private static boolean isPowerOfFour(double x) {
    int e = Math.getExponent(x);
    if (e < Double.MIN_EXPONENT) {
      long bits = Double.doubleToRawLongBits(x);
      return Long.bitCount(bits) == 1 && (Long.numberOfTrailingZeros(bits) - 1074) % 2 == 0;
    }
    return Math.scalb(x, -e) == 1.0 && (e & 1) == 0;
  }
}
