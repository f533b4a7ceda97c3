package numevo.targets.seq;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Writes a solution of a {@link RecurrenceForm} as a kernel in the package's convention: {@code
 * a(n) = N / D}, where the monomials are grouped by their product of terms (each group's
 * coefficient a polynomial in {@code n}, by Horner's rule), {@code N} is minus the sum of the
 * groups without {@code a(n)} and {@code D} the group with it, divided by {@code a(n)}, its leading
 * coefficient made positive. The division (the DSL's exact one) is left out when {@code D = 1}.
 */
final class FormKernels {
  private FormKernels() {}

  /** The column indices of each group (same product of terms), in first-column order. */
  static List<List<Integer>> groups(RecurrenceForm form) {
    Map<List<Integer>, List<Integer>> g = new LinkedHashMap<>();
    for (int j = 0; j < form.columns().size(); j++) {
      RecurrenceForm.Column c = form.columns().get(j);
      g.computeIfAbsent(List.of(c.lag1(), c.lag2()), x -> new ArrayList<>()).add(j);
    }
    return List.copyOf(g.values());
  }

  /** A group's coefficient as a polynomial in {@code n}, lowest power first. */
  static BigInteger[] poly(RecurrenceForm form, BigInteger[] v, List<Integer> group) {
    BigInteger[] c = new BigInteger[form.degree() + 1];
    Arrays.fill(c, BigInteger.ZERO);
    for (int j : group) {
      int e = form.columns().get(j).power();
      c[e] = c[e].add(v[j]);
    }
    return c;
  }

  /**
   * The kernel of a solution.
   *
   * @param name the kernel's name
   * @param form the form
   * @param v the coefficients, one per column, with some {@code a(n)} column nonzero
   * @param order the number of previous-term inputs (the start), at least the form's order
   */
  static Program kernel(String name, RecurrenceForm form, BigInteger[] v, int order) {
    return new Builder(form, v, order).build(name);
  }

  private static BigInteger leading(BigInteger[] c) {
    for (int j = c.length - 1; j >= 0; j--) {
      if (c[j].signum() != 0) {
        return c[j];
      }
    }
    return BigInteger.ZERO;
  }

  private static final class Builder {
    private final RecurrenceForm form;
    private final BigInteger[] v;
    private final boolean usesIndex;
    private final List<Input> inputs = new ArrayList<>();
    private final List<Instr> body = new ArrayList<>();

    Builder(RecurrenceForm form, BigInteger[] v, int order) {
      this.form = form;
      this.v = v;
      boolean any = false;
      for (int j = 0; j < v.length; j++) {
        any |= v[j].signum() != 0 && form.columns().get(j).power() > 0;
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
      BigInteger[] divisor = null;
      int divisorLag = -1;
      List<BigInteger[]> numerators = new ArrayList<>();
      List<int[]> lags = new ArrayList<>();
      for (List<Integer> g : groups(form)) {
        RecurrenceForm.Column c = form.columns().get(g.get(0));
        BigInteger[] p = poly(form, v, g);
        if (c.holdsTerm()) {
          divisor = p;
          divisorLag = c.lag1() == 0 ? c.lag2() : c.lag1();
        } else {
          numerators.add(p);
          lags.add(new int[] {c.lag1(), c.lag2()});
        }
      }
      boolean negate = leading(divisor).signum() > 0;
      // a(n) D + sum(groups) = 0, so a(n) = -sum / D; with D's sign made positive.
      if (!negate) {
        divisor = negated(divisor);
      }
      Operand sum = null;
      BigInteger constant = BigInteger.ZERO;
      for (int g = 0; g < numerators.size(); g++) {
        BigInteger[] q = negate ? negated(numerators.get(g)) : numerators.get(g);
        if (IntPolynomials.degree(q) < 0) {
          continue;
        }
        int[] l = lags.get(g);
        Ref part = product(l[0], l[1]);
        if (part == null && IntPolynomials.degree(q) == 0) {
          constant = constant.add(q[0]);
          continue;
        }
        Operand term;
        int sign = 1;
        if (IntPolynomials.degree(q) == 0) {
          BigInteger c = q[0];
          if (c.abs().equals(BigInteger.ONE)) {
            term = part;
            sign = c.signum();
          } else {
            term = emit(Op.ZMUL, part, IntLit.of(c));
          }
        } else {
          // A negative leading coefficient is written as a subtraction of the negated polynomial.
          if (leading(q).signum() < 0) {
            q = negated(q);
            sign = -1;
          }
          Operand h = horner(q);
          term = part == null ? h : emit(Op.ZMUL, part, h);
        }
        if (sum == null) {
          sum = sign > 0 ? term : emit(Op.ZNEG, term);
        } else {
          sum = emit(sign > 0 ? Op.ZADD : Op.ZSUB, sum, term);
        }
      }
      if (constant.signum() != 0) {
        sum =
            sum == null
                ? IntLit.of(constant)
                : emit(constant.signum() > 0 ? Op.ZADD : Op.ZSUB, sum, IntLit.of(constant.abs()));
      }
      if (sum == null) {
        sum = IntLit.of(BigInteger.ZERO);
      }
      Ref dTerm = divisorLag > 0 ? input(divisorLag) : null;
      boolean unit = IntPolynomials.degree(divisor) == 0 && divisor[0].equals(BigInteger.ONE);
      Operand out = sum;
      if (dTerm != null || !unit) {
        Operand d;
        if (dTerm == null) {
          d = IntPolynomials.degree(divisor) == 0 ? IntLit.of(divisor[0]) : horner(divisor);
        } else if (unit) {
          d = dTerm;
        } else {
          Operand c = IntPolynomials.degree(divisor) == 0 ? IntLit.of(divisor[0]) : horner(divisor);
          d = emit(Op.ZMUL, dTerm, c);
        }
        out = emit(Op.ZDIV, sum, d);
      }
      if (!(out instanceof Ref r) || r.index() < inputs.size()) {
        out = emit(Op.ZADD, out, IntLit.of(BigInteger.ZERO)); // the output needs a value
      }
      return Program.of(name, NumberFormat.FLOAT64, inputs, body, List.of((Ref) out));
    }

    /** The input {@code a(n-lag)}. */
    private Ref input(int lag) {
      return Ref.of((usesIndex ? 1 : 0) + lag - 1);
    }

    /** {@code a(n-l1) a(n-l2)}, {@code a(n-l1)}, or null for no term (lags of -1 are absent). */
    private Ref product(int l1, int l2) {
      if (l1 < 0 && l2 < 0) {
        return null;
      }
      if (l1 < 0 || l2 < 0) {
        return input(Math.max(l1, l2));
      }
      return emit(Op.ZMUL, input(l1), input(l2));
    }

    /** {@code c(n)} by Horner's rule, for a polynomial of degree at least 1. */
    private Operand horner(BigInteger[] c) {
      int d = IntPolynomials.degree(c);
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

  private static BigInteger[] negated(BigInteger[] c) {
    BigInteger[] r = new BigInteger[c.length];
    for (int j = 0; j < c.length; j++) {
      r[j] = c[j].negate();
    }
    return r;
  }
}
