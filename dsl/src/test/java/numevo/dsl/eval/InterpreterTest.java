package numevo.dsl.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Input;
import numevo.dsl.program.Instr;
import numevo.dsl.program.Op;
import numevo.dsl.program.Operand.IntLit;
import numevo.dsl.program.Operand.Ref;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;
import org.junit.jupiter.api.Test;

class InterpreterTest {

  private static Object run(NumberFormat f, Op op, Object... in) {
    return Interpreter.of(Programs.single(f, op)).eval(in)[0];
  }

  @Test
  void float32ArithmeticIsJavaFloatArithmetic() {
    float a = 0.1f;
    float b = 0.2f;
    assertEquals((double) (a + b), run(NumberFormat.FLOAT32, Op.FADD, (double) a, (double) b));
    assertEquals(
        (double) Math.fma(a, b, 1e-9f),
        run(NumberFormat.FLOAT32, Op.FFMA, (double) a, (double) b, (double) 1e-9f));
  }

  @Test
  void e4m3fnAdditionRoundsTiesToEvenAndOverflowsToNaN() {
    assertEquals(448.0, run(NumberFormat.E4M3FN, Op.FADD, 448.0, 16.0)); // 464: tie, to even
    assertTrue(Double.isNaN((Double) run(NumberFormat.E4M3FN, Op.FADD, 448.0, 32.0)));
    assertEquals(
        Double.POSITIVE_INFINITY, run(NumberFormat.E5M2, Op.FMUL, 57344.0, 2.0)); // e5m2 has Inf
  }

  @Test
  void fnuzHasNoNegativeZero() {
    Object r = run(NumberFormat.E4M3FNUZ, Op.FNEG, 0.0);
    assertEquals(0L, Double.doubleToRawLongBits((Double) r));
    assertEquals(
        Double.doubleToRawLongBits(-0.0),
        Double.doubleToRawLongBits((Double) run(NumberFormat.E4M3FN, Op.FNEG, 0.0)));
  }

  @Test
  void narrowFmaRoundsOnceNotTwice() {
    // float16: 1 + 2^-11 is the midpoint between 1 and 1 + 2^-10; a tiny extra term must push the
    // fma up, although binary64 alone would lose it (2^-11 + 2^-70 rounds to 2^-11 in binary64).
    double tiny = Math.scalb(1.0, -24); // smallest float16 subnormal
    double x = Math.scalb(1.0, -11); // exact in float16
    // fma(x, 1, 1) = 1 + 2^-11: a tie, rounds to even (1.0)
    assertEquals(1.0, run(NumberFormat.FLOAT16, Op.FFMA, x, 1.0, 1.0));
    // fma(x, 1 + 2^-10, 1) = 1 + 2^-11 + 2^-21: above the tie, rounds up.
    double y = 1.0 + Math.scalb(1.0, -10);
    assertEquals(y, run(NumberFormat.FLOAT16, Op.FFMA, x, y, 1.0));
    // fma(tiny, tiny, 1 + 2^-11 ...) is out of float16, so use 2^-24 * 2^-24 added to x + 1:
    assertEquals(1.0, run(NumberFormat.FLOAT16, Op.FFMA, tiny, tiny, 1.0));
  }

  @Test
  void bitsGivesTheCanonicalNaNWhateverThePayload() {
    double negNaN = Double.longBitsToDouble(0xFFF8_0000_0000_0001L);
    assertEquals(0x7FC0_0000, run(NumberFormat.FLOAT32, Op.BITS, negNaN));
    assertEquals(0x7F, run(NumberFormat.E4M3FN, Op.BITS, negNaN));
    assertEquals(0x80, run(NumberFormat.E5M2FNUZ, Op.BITS, negNaN));
    assertTrue(Double.isNaN((Double) run(NumberFormat.E4M3FN, Op.FROMBITS, 0xFF)));
    assertEquals(448.0, run(NumberFormat.E4M3FN, Op.FROMBITS, 0x17E)); // low 8 bits only
  }

  @Test
  void toiRoundsHalfToEvenAndSaturates() {
    assertEquals(2, run(NumberFormat.FLOAT32, Op.TOI, 2.5));
    assertEquals(-4, run(NumberFormat.FLOAT32, Op.TOI, -3.5));
    assertEquals(Integer.MAX_VALUE, run(NumberFormat.FLOAT32, Op.TOI, 1e30));
    assertEquals(0, run(NumberFormat.FLOAT32, Op.TOI, Double.NaN));
    assertEquals(-3, run(NumberFormat.FLOAT32, Op.TRUNC, -3.9));
  }

  @Test
  void intArithmeticIsExactBeyondSixtyFourBits() {
    BigInteger big = BigInteger.TWO.pow(100).add(BigInteger.ONE);
    assertEquals(big.multiply(big), run(NumberFormat.FLOAT32, Op.ZMUL, big, big));
    assertEquals(BigInteger.valueOf(7), run(NumberFormat.FLOAT32, Op.ZDIV, 21, 3));
  }

  @Test
  void inexactIntDivisionMakesTheEvaluationInvalid() {
    assertThrows(EvaluationException.class, () -> run(NumberFormat.FLOAT32, Op.ZDIV, 22, 3));
    assertThrows(EvaluationException.class, () -> run(NumberFormat.FLOAT32, Op.ZDIV, 1, 0));
  }

  @Test
  void intValuesBeyondTheLimitMakeTheEvaluationInvalid() {
    // a(n) = a(n-1)^2 from 2, 20 times: 2^(2^20), a million bits, far beyond IntLimits.
    List<Instr> body = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) {
      body.add(Instr.of("s" + i, Op.ZMUL, Ref.of(i), Ref.of(i)));
    }
    Program p =
        Program.of(
            "squares",
            NumberFormat.FLOAT32,
            List.of(Input.of("a", Type.INT)),
            body,
            List.of(Ref.of(20)));
    EvaluationException e =
        assertThrows(EvaluationException.class, () -> Interpreter.of(p).eval(BigInteger.TWO));
    assertTrue(e.getMessage().contains("bits"), e.getMessage());
    // and a literal works too
    Program q =
        Program.of(
            "lit",
            NumberFormat.FLOAT32,
            List.of(Input.of("a", Type.INT)),
            List.of(Instr.of("r", Op.ZADD, Ref.of(0), IntLit.of(5))),
            List.of(Ref.of(1)));
    assertEquals(BigInteger.valueOf(7), Interpreter.of(q).eval(2)[0]);
  }
}
