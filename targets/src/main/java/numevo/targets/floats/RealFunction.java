package numevo.targets.floats;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * A real function as a float reference needs it: a fast approximation with a rigorous error bound,
 * and a slow exact evaluation at any precision for the rare points where the bound is too wide to
 * decide the correctly rounded result.
 */
public interface RealFunction {

  /** A short formula for messages, e.g. {@code 2^x}. */
  String formula();

  /**
   * Approximates f(x). Special inputs (NaN, infinities) and points where f(x) is a double (such as
   * 2^0) are set {@link Approx#setExact exact}; elsewhere the bound must hold for every x.
   *
   * @param x any double
   * @param out receives the approximation
   */
  void approx(double x, Approx out);

  /**
   * f(x) to the given precision, for an x whose {@link #approx} was not exact.
   *
   * @param x a finite double
   * @param mc the precision, at least 10 digits
   * @return f(x) with relative error below {@code 10^-(precision - BigMath.LOST_DIGITS)}
   */
  BigDecimal exact(double x, MathContext mc);
}
