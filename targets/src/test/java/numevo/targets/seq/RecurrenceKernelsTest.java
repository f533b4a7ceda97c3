package numevo.targets.seq;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import numevo.dsl.program.Program;
import numevo.dsl.text.Parser;
import numevo.dsl.text.Printer;
import org.junit.jupiter.api.Test;

class RecurrenceKernelsTest {

  private static BigInteger[] poly(long... c) {
    BigInteger[] r = new BigInteger[c.length];
    for (int i = 0; i < c.length; i++) {
      r[i] = BigInteger.valueOf(c[i]);
    }
    return r;
  }

  @Test
  void polynomialsPrintHighestPowerFirst() {
    assertEquals("34n^3 - 51n^2 + 27n - 5", RecurrenceKernels.poly(poly(-5, 27, -51, 34)));
    assertEquals("-n + 1", RecurrenceKernels.poly(poly(1, -1)));
    assertEquals("0", RecurrenceKernels.poly(poly(0, 0)));
  }

  @Test
  void theCatalanKernelComputesTheNextTermAndPrintsBack() {
    // (n + 1) a(n) - (4n - 2) a(n-1) = 0
    BigInteger[][] p = {poly(1, 1), poly(2, -4)};
    Program k = RecurrenceKernels.kernel("catalan", p, 1);
    assertEquals("(n + 1)*a(n) = (4n - 2)*a(n-1)", RecurrenceKernels.formula(p));
    assertEquals(new RecurrenceShape(true, 1), RecurrenceShape.of(k));
    assertEquals(
        BigInteger.valueOf(42),
        numevo.dsl.eval.Interpreter.of(k).eval(BigInteger.valueOf(5), BigInteger.valueOf(14))[0]);
    assertEquals(k, Parser.parse(Printer.print(k), "printed"));
  }

  @Test
  void aConstantZeroRecurrenceHasNoInputs() {
    BigInteger[][] p = {poly(1)};
    Program k = RecurrenceKernels.kernel("zero", p, 0);
    assertEquals(0, k.inputs().size());
    assertEquals("a(n) = 0", RecurrenceKernels.formula(p));
    assertEquals(BigInteger.ZERO, numevo.dsl.eval.Interpreter.of(k).eval()[0]);
  }

  @Test
  void aCopyOfThePreviousTermIsAnInstruction() {
    BigInteger[][] p = {poly(1), poly(-1)};
    Program k = RecurrenceKernels.kernel("same", p, 1);
    assertEquals("a(n) = a(n-1)", RecurrenceKernels.formula(p));
    assertEquals(1, k.body().size());
  }
}
