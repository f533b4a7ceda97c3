package numevo.targets.floats;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;
import numevo.dsl.format.NumberFormat;

/**
 * The exact reference of a {@link RealFunction} in a format: each point from the function's fast
 * approximation when its error bound decides the correctly rounded result and the binade (almost
 * always), else from {@link RealFunction#exact} at 40, 80, 160... digits until it does. Exact in
 * the sense that matters: the correctly rounded result and the ULP are those of the real value.
 *
 * @param function the function, never null
 * @param format the target format, never null
 * @param errorScale a factor on every approximation error bound, at least 1 (tests raise it to make
 *     the exact fallback run often)
 */
public record FunctionReference(RealFunction function, NumberFormat format, double errorScale)
    implements FloatReference {

  /** The largest precision the fallback tries before giving up, in digits. */
  public static final int MAX_DIGITS = 1280;

  public FunctionReference {
    Objects.requireNonNull(function, "function");
    Objects.requireNonNull(format, "format");
    if (!(errorScale >= 1)) {
      throw new IllegalArgumentException("errorScale must be at least 1, got " + errorScale);
    }
  }

  public static FunctionReference of(RealFunction function, NumberFormat format) {
    return new FunctionReference(function, format, 1);
  }

  @Override
  public String describe() {
    return function.formula()
        + " correctly rounded to "
        + format
        + " (float64 libm with an error bound, exact BigDecimal fallback near rounding boundaries)";
  }

  @Override
  public Evaluator evaluator(int capacity) {
    return new Eval();
  }

  private final class Eval implements Evaluator {
    private final Approx a = new Approx();
    private final Rounder rounder = new Rounder(format);
    private long fallbacks;

    @Override
    public void compute(double[] x, int n, ReferenceColumns out) {
      for (int i = 0; i < n; i++) {
        double xi = x[i];
        function.approx(xi, a);
        double hi = a.hi();
        double lo = a.lo();
        if (a.exact()) {
          rounder.exact(hi);
        } else if (!rounder.decide(hi, lo, a.err() * errorScale)) {
          BigDecimal v = fallback(xi);
          hi = v.doubleValue();
          lo = v.subtract(new BigDecimal(hi)).doubleValue();
        }
        out.set(i, hi, lo, rounder.rounded(), rounder.ulpExponent());
      }
    }

    /** The exact value at enough precision to decide; sets the rounder's answer. */
    private BigDecimal fallback(double x) {
      fallbacks++;
      for (int digits = 40; digits <= MAX_DIGITS; digits *= 2) {
        BigDecimal v = function.exact(x, new MathContext(digits, RoundingMode.HALF_EVEN));
        BigDecimal d = v.abs().movePointLeft(digits - BigMath.LOST_DIGITS);
        BigDecimal lower = v.subtract(d);
        BigDecimal upper = v.add(d);
        double rl = format.roundExact(lower);
        double ru = format.roundExact(upper);
        if (v.signum() != 0 && lower.signum() == upper.signum() && rl == ru) {
          int minExp = format.minExponent();
          int bl = Math.max(BigMath.exponent(lower), minExp);
          int bu = Math.max(BigMath.exponent(upper), minExp);
          if (bl == bu) {
            rounder.exact(rl);
            forceUlpExponent(bl - format.mantissaBits());
            return v;
          }
        }
      }
      throw new IllegalStateException(
          "cannot decide the rounding of "
              + function.formula()
              + " at x = "
              + Double.toHexString(x)
              + " to "
              + format
              + " with "
              + MAX_DIGITS
              + " digits");
    }

    private void forceUlpExponent(int e) {
      rounder.setUlpExponent(e);
    }

    @Override
    public long fallbacks() {
      return fallbacks;
    }
  }
}
