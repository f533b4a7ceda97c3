package numevo.targets.seq;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Input;
import numevo.dsl.program.Instr;
import numevo.dsl.program.Op;
import numevo.dsl.program.Operand;
import numevo.dsl.program.Operand.IntLit;
import numevo.dsl.program.Operand.Ref;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;

/**
 * Writes a recurrence with polynomial coefficients, {@code sum_{i=0..r} P_i(n) a(n-i) = 0}, as a
 * kernel in the package's convention and as text. The kernel computes {@code a(n) = (sum_{i>=1}
 * -P_i(n) a(n-i)) / P_0(n)}, each polynomial by Horner's rule; the division (exact or invalid) is
 * left out when {@code P_0 = 1}. The input {@code n} is there only if some coefficient depends on
 * it. Kernels are written in float64, which int arithmetic ignores.
 */
final class RecurrenceKernels {
  private RecurrenceKernels() {}

  /**
   * The kernel.
   *
   * @param name the kernel's name, an identifier
   * @param p {@code p[i][j]}: the coefficient of {@code n^j} in {@code P_i}; {@code P_0} not zero
   * @param order the number of previous-term inputs, at least {@code p.length - 1}; the extra ones
   *     are unused and only make the recurrence take more initial terms
   */
  static Program kernel(String name, BigInteger[][] p, int order) {
    if (order < p.length - 1) {
      throw new IllegalArgumentException("order " + order + " below " + (p.length - 1));
    }
    return new Builder(p, order).build(name);
  }

  /** The recurrence as text, e.g. {@code "(n + 1)*a(n) = (4n - 2)*a(n-1)"}. */
  static String formula(BigInteger[][] p) {
    StringBuilder lhs = new StringBuilder();
    if (!(isConstant(p[0]) && p[0][0].equals(BigInteger.ONE))) {
      lhs.append(factor(p[0])).append('*');
    }
    lhs.append("a(n)");
    StringBuilder rhs = new StringBuilder();
    for (int i = 1; i < p.length; i++) {
      BigInteger[] q = negate(p[i]);
      if (isZero(q)) {
        continue;
      }
      String a = "a(n-" + i + ")";
      boolean negative = leading(q).signum() < 0;
      BigInteger[] m = negative ? negate(q) : q;
      String magnitude = isConstant(m) && m[0].equals(BigInteger.ONE) ? a : factor(m) + "*" + a;
      if (rhs.isEmpty()) {
        rhs.append(negative ? "-" : "").append(magnitude);
      } else {
        rhs.append(negative ? " - " : " + ").append(magnitude);
      }
    }
    return lhs + " = " + (rhs.isEmpty() ? "0" : rhs.toString());
  }

  /** A polynomial as a factor: in parentheses when it has more than one term. */
  private static String factor(BigInteger[] c) {
    String t = poly(c);
    return t.indexOf(' ') >= 0 ? "(" + t + ")" : t;
  }

  /** The coefficient of the highest power present (zero for the zero polynomial). */
  private static BigInteger leading(BigInteger[] c) {
    for (int j = c.length - 1; j >= 0; j--) {
      if (c[j].signum() != 0) {
        return c[j];
      }
    }
    return BigInteger.ZERO;
  }

  /** A polynomial in n as text, highest power first: {@code "34n^3 - 51n^2 + 27n - 5"}. */
  static String poly(BigInteger[] c) {
    StringBuilder sb = new StringBuilder();
    for (int j = c.length - 1; j >= 0; j--) {
      if (c[j].signum() == 0) {
        continue;
      }
      BigInteger mag = c[j].abs();
      String mono = j == 0 ? "" : j == 1 ? "n" : "n^" + j;
      String coef = (j > 0 && mag.equals(BigInteger.ONE)) ? "" : mag.toString();
      if (sb.isEmpty()) {
        sb.append(c[j].signum() < 0 ? "-" : "");
      } else {
        sb.append(c[j].signum() < 0 ? " - " : " + ");
      }
      sb.append(coef).append(mono);
    }
    return sb.isEmpty() ? "0" : sb.toString();
  }

  static boolean isConstant(BigInteger[] c) {
    for (int j = 1; j < c.length; j++) {
      if (c[j].signum() != 0) {
        return false;
      }
    }
    return true;
  }

  static boolean isZero(BigInteger[] c) {
    return isConstant(c) && c[0].signum() == 0;
  }

  private static BigInteger[] negate(BigInteger[] c) {
    BigInteger[] r = new BigInteger[c.length];
    for (int j = 0; j < c.length; j++) {
      r[j] = c[j].negate();
    }
    return r;
  }

  /** Emits the instructions of one kernel. */
  private static final class Builder {
    private final BigInteger[][] p;
    private final boolean usesIndex;
    private final List<Input> inputs = new ArrayList<>();
    private final List<Instr> body = new ArrayList<>();

    Builder(BigInteger[][] p, int order) {
      this.p = p;
      boolean any = false;
      for (BigInteger[] c : p) {
        any |= !isConstant(c);
      }
      this.usesIndex = any;
      if (usesIndex) {
        inputs.add(Input.of(RecurrenceShape.INDEX, Type.INT));
      }
      for (int i = 1; i <= order; i++) {
        inputs.add(Input.of("a" + i, Type.INT));
      }
    }

    Program build(String name) {
      Ref sum = null;
      for (int i = 1; i < p.length; i++) {
        BigInteger[] q = negate(p[i]);
        if (isZero(q)) {
          continue;
        }
        Ref a = Ref.of((usesIndex ? 1 : 0) + i - 1);
        Ref term;
        if (isConstant(q)) {
          BigInteger c = q[0];
          if (sum != null && c.abs().equals(BigInteger.ONE)) {
            sum = emit(c.signum() > 0 ? Op.ZADD : Op.ZSUB, sum, a);
            continue;
          }
          term = c.equals(BigInteger.ONE) ? a : emit(Op.ZMUL, a, IntLit.of(c));
        } else {
          term = emit(Op.ZMUL, a, horner(q));
        }
        sum = sum == null ? term : emit(Op.ZADD, sum, term);
      }
      if (sum == null) {
        sum = emit(Op.ZADD, IntLit.of(0), IntLit.of(0));
      }
      Ref out = sum;
      if (!(isConstant(p[0]) && p[0][0].equals(BigInteger.ONE))) {
        Operand d = isConstant(p[0]) ? IntLit.of(p[0][0]) : horner(p[0]);
        out = emit(Op.ZDIV, sum, d);
      }
      if (out.index() < inputs.size()) {
        out = emit(Op.ZADD, out, IntLit.of(0)); // an output that is an input needs a value
      }
      return Program.of(name, NumberFormat.FLOAT64, inputs, body, List.of(out));
    }

    /** {@code c(n)} by Horner's rule: a literal for a constant, otherwise a value. */
    private Operand horner(BigInteger[] c) {
      int d = c.length - 1;
      while (d > 0 && c[d].signum() == 0) {
        d--;
      }
      if (d == 0) {
        return IntLit.of(c[0]);
      }
      Ref n = Ref.of(0);
      Operand acc = c[d].equals(BigInteger.ONE) ? n : emit(Op.ZMUL, n, IntLit.of(c[d]));
      for (int j = d - 1; j >= 0; j--) {
        if (c[j].signum() != 0) {
          acc =
              c[j].signum() > 0
                  ? emit(Op.ZADD, acc, IntLit.of(c[j]))
                  : emit(Op.ZSUB, acc, IntLit.of(c[j].negate()));
        }
        if (j > 0) {
          acc = emit(Op.ZMUL, acc, n);
        }
      }
      return acc;
    }

    private Ref emit(Op op, Operand... args) {
      body.add(Instr.of("t" + body.size(), op, args));
      return Ref.of(inputs.size() + body.size() - 1);
    }
  }
}
