package numevo.targets.lmul;

import java.math.BigDecimal;
import java.math.MathContext;
import numevo.dsl.eval.Interpreter;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Program;

/**
 * The straightforward scorer the fast one is checked against: the interpreter one pair at a time,
 * the product and the relative errors in BigDecimal, categories decided afresh.
 */
final class SlowScorer {
  private SlowScorer() {}

  record Result(
      int exact,
      int[][] got,
      int[] matching,
      int count,
      int excluded,
      double meanAbs,
      double maxAbs,
      double minSigned,
      double maxSigned,
      int coreCount,
      double coreMin) {}

  static Result score(Program kernel, OperandPairs pairs) {
    NumberFormat f = pairs.format();
    Interpreter in = Interpreter.of(kernel);
    int cats = ProductCategory.values().length;
    int[][] got = new int[cats][ResultClass.values().length];
    int[] matching = new int[cats];
    int exact = 0;
    int count = 0;
    int excluded = 0;
    BigDecimal sumAbs = BigDecimal.ZERO;
    BigDecimal maxAbs = BigDecimal.ZERO;
    BigDecimal min = null;
    BigDecimal max = null;
    int coreCount = 0;
    BigDecimal coreMin = null;
    int emax = (1 << f.exponentBits()) - 2 - f.bias();
    for (int i = 0; i < pairs.size(); i++) {
      double x = f.decode(pairs.a(i));
      double y = f.decode(pairs.b(i));
      int out = (Integer) in.eval(pairs.a(i), pairs.b(i))[0];
      long code = out & f.codeMask();
      double v = f.decode(code);
      ProductCategory c;
      long ref;
      boolean nanOperand =
          Double.isNaN(x)
              || Double.isNaN(y)
              || (Double.isInfinite(x) && y == 0)
              || (x == 0 && Double.isInfinite(y));
      BigDecimal exactProduct = null;
      if (nanOperand) {
        c = ProductCategory.NAN_OPERAND;
        ref = f.canonicalNaN();
      } else if (Double.isInfinite(x) || Double.isInfinite(y)) {
        c = ProductCategory.INF_OPERAND;
        ref = f.encode(x * y);
      } else if (x == 0 || y == 0) {
        c = ProductCategory.ZERO_OPERAND;
        ref = f.encode(x * y);
      } else {
        exactProduct = new BigDecimal(x).multiply(new BigDecimal(y));
        double r = f.roundExact(exactProduct);
        r = Math.copySign(r, exactProduct.signum()); // roundExact gives +0 for a tiny product
        ref = f.encode(r);
        if (Double.isNaN(r) || Double.isInfinite(r)) {
          c = ProductCategory.OVERFLOW;
        } else if (r == 0) {
          c = ProductCategory.UNDERFLOW;
        } else if (Math.abs(r) < f.minNormal()) {
          c = ProductCategory.SUBNORMAL;
        } else {
          c = ProductCategory.NORMAL;
        }
      }
      boolean match = code == ref || (Double.isNaN(v) && f.isNaNCode(ref));
      if (match) {
        exact++;
        matching[c.ordinal()]++;
      }
      got[c.ordinal()][ResultClass.of(v, f.minNormal()).ordinal()]++;
      if (c.finiteNonzero()) {
        if (!Double.isFinite(v)) {
          excluded++;
          continue;
        }
        BigDecimal e =
            new BigDecimal(v).subtract(exactProduct).divide(exactProduct, MathContext.DECIMAL128);
        count++;
        sumAbs = sumAbs.add(e.abs());
        maxAbs = maxAbs.max(e.abs());
        min = min == null ? e : min.min(e);
        max = max == null ? e : max.max(e);
        boolean core =
            c == ProductCategory.NORMAL
                && Math.abs(x) >= f.minNormal()
                && Math.abs(y) >= f.minNormal()
                && Math.getExponent(x) + Math.getExponent(y) >= f.minExponent()
                && Math.getExponent(x) + Math.getExponent(y) <= emax;
        if (core) {
          coreCount++;
          coreMin = coreMin == null ? e : coreMin.min(e);
        }
      }
    }
    return new Result(
        exact,
        got,
        matching,
        count,
        excluded,
        count == 0
            ? Double.NaN
            : sumAbs.divide(BigDecimal.valueOf(count), MathContext.DECIMAL128).doubleValue(),
        count == 0 ? Double.NaN : maxAbs.doubleValue(),
        min == null ? Double.NaN : min.doubleValue(),
        max == null ? Double.NaN : max.doubleValue(),
        coreCount,
        coreMin == null ? Double.NaN : coreMin.doubleValue());
  }
}
