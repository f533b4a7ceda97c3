package numevo.dsl.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import numevo.dsl.eval.Batch;
import numevo.dsl.eval.EvaluationException;
import numevo.dsl.eval.IntLimits;
import numevo.dsl.eval.Interpreter;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Input;
import numevo.dsl.program.Instr;
import numevo.dsl.program.Op;
import numevo.dsl.program.Operand.I32Lit;
import numevo.dsl.program.Operand.IntLit;
import numevo.dsl.program.Operand.Ref;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;
import org.junit.jupiter.api.Test;

/**
 * Exact {@code int} values: the 64-bit fast path hands a point to the exact slow path when a value
 * leaves 64 bits, and evaluation fails exactly when the interpreter's does, dead code included.
 */
class ExactIntPathTest {
  private static final BigInteger TWO_63 = BigInteger.ONE.shiftLeft(63);

  private static Program binary(Op op) {
    return Program.of(
        "z",
        NumberFormat.FLOAT32,
        List.of(Input.of("a", Type.INT), Input.of("b", Type.INT)),
        List.of(Instr.of("r", op, Ref.of(0), Ref.of(1))),
        List.of(Ref.of(2)));
  }

  private static BigInteger big(long v) {
    return BigInteger.valueOf(v);
  }

  @Test
  void overflowingResultsAreExact() {
    CompiledKernel add = KernelCompiler.compile(binary(Op.ZADD));
    assertEquals(TWO_63, add.eval(big(Long.MAX_VALUE), big(1))[0]);
    CompiledKernel sub = KernelCompiler.compile(binary(Op.ZSUB));
    assertEquals(
        TWO_63.negate().subtract(BigInteger.ONE), sub.eval(big(Long.MIN_VALUE), big(1))[0]);
    CompiledKernel mul = KernelCompiler.compile(binary(Op.ZMUL));
    assertEquals(TWO_63.multiply(TWO_63), mul.eval(big(Long.MIN_VALUE), big(Long.MIN_VALUE))[0]);
    CompiledKernel div = KernelCompiler.compile(binary(Op.ZDIV));
    assertEquals(TWO_63, div.eval(big(Long.MIN_VALUE), big(-1))[0]);
    assertEquals(big(-3), div.eval(big(6), big(-2))[0]);
  }

  @Test
  void invalidDivisionsThrow() {
    CompiledKernel div = KernelCompiler.compile(binary(Op.ZDIV));
    assertThrows(EvaluationException.class, () -> div.eval(big(1), big(0)));
    assertThrows(EvaluationException.class, () -> div.eval(big(7), big(2)));
    assertThrows(EvaluationException.class, () -> div.eval(TWO_63.add(BigInteger.ONE), big(2)));
  }

  /** The interpreter evaluates dead code: a zero division no output depends on still fails. */
  @Test
  void deadDivisionByZeroStillFails() {
    Program p =
        Program.of(
            "dead",
            NumberFormat.FLOAT16,
            List.of(Input.of("x", Type.F), Input.of("a", Type.INT)),
            List.of(Instr.of("unused", Op.ZDIV, Ref.of(1), IntLit.of(0))),
            List.of(Ref.of(0)));
    CompiledKernel k = KernelCompiler.compile(p);
    assertThrows(EvaluationException.class, () -> Interpreter.of(p).eval(1.0, big(5)));
    assertThrows(EvaluationException.class, () -> k.eval(1.0, big(5)));
    DoubleUnary u =
        KernelCompiler.compile(
            Program.of(
                "dead1",
                NumberFormat.FLOAT16,
                List.of(Input.of("x", Type.F)),
                List.of(
                    Instr.of("one", Op.TOINT, I32Lit.of(1)),
                    Instr.of("unused", Op.ZDIV, Ref.of(1), IntLit.of(0))),
                List.of(Ref.of(0))),
            DoubleUnary.class);
    assertThrows(EvaluationException.class, () -> u.apply(1.0));
    assertThrows(EvaluationException.class, () -> u.apply(new double[1], new double[1], 1));
  }

  /**
   * Squaring 2^31 twelve times gives 2^(31*4096), beyond {@link IntLimits#MAX_BITS}: the
   * interpreter fails, even when no output uses the value, and so must the compiled kernel.
   */
  @Test
  void deadIntBeyondTheLimitStillFails() {
    List<Instr> body = new ArrayList<>();
    body.add(Instr.of("s0", Op.ZMUL, Ref.of(1), Ref.of(1)));
    for (int i = 1; i < 12; i++) {
      body.add(Instr.of("s" + i, Op.ZMUL, Ref.of(1 + i), Ref.of(1 + i)));
    }
    Program p =
        Program.of(
            "square",
            NumberFormat.FLOAT32,
            List.of(Input.of("x", Type.F), Input.of("a", Type.INT)),
            body,
            List.of(Ref.of(0)));
    CompiledKernel k = KernelCompiler.compile(p);
    BigInteger a = BigInteger.ONE.shiftLeft(31);
    assertThrows(EvaluationException.class, () -> Interpreter.of(p).eval(1.0, a));
    assertThrows(EvaluationException.class, () -> k.eval(1.0, a));
    assertEquals(2.0, (double) k.eval(2.0, big(1))[0]);
  }

  @Test
  void literalsBeyond64BitsAreExact() {
    BigInteger huge = BigInteger.ONE.shiftLeft(200).add(BigInteger.valueOf(12345));
    Program p =
        Program.of(
            "lit",
            NumberFormat.E4M3FN,
            List.of(Input.of("a", Type.INT)),
            List.of(
                Instr.of("s", Op.ZADD, Ref.of(0), IntLit.of(huge)),
                Instr.of("t", Op.ZSUB, Ref.of(1), IntLit.of(huge)),
                Instr.of("c", Op.ZEQ, Ref.of(2), Ref.of(0))),
            List.of(Ref.of(1), Ref.of(2), Ref.of(3)));
    CompiledKernel k = KernelCompiler.compile(p);
    assertArrayEquals(new Object[] {huge.add(big(7)), big(7), 1}, k.eval(big(7)));
  }

  @Test
  void batchInputsBeyond64BitsAreExactAndOverlaysAreCleared() {
    Program p = binary(Op.ZMUL);
    CompiledKernel k = KernelCompiler.compile(p);
    Batch in = Batch.of(p.inputTypes(), 3);
    Batch out = Batch.of(p.outputTypes(), 3);
    BigInteger huge = BigInteger.ONE.shiftLeft(100);
    in.setInt(0, 0, huge);
    in.setInt(1, 0, big(3));
    in.setInt(0, 1, big(-4));
    in.setInt(1, 1, big(5));
    in.setInt(0, 2, TWO_63);
    in.setInt(1, 2, big(0));
    out.setInt(0, 1, huge); // a stale overlay entry from an earlier use
    k.evaluate(in, out, 3);
    assertEquals(huge.multiply(big(3)), out.getInt(0, 0));
    assertEquals(big(-20), out.getInt(0, 1));
    assertNull(out.intBig(0)[1]);
    assertEquals(BigInteger.ZERO, out.getInt(0, 2));
    assertNull(out.intBig(0)[2]);
  }

  @Test
  void intInputBeyondTheLimitFailsEvenUnused() {
    Program p =
        Program.of(
            "unused",
            NumberFormat.FLOAT32,
            List.of(Input.of("x", Type.F), Input.of("a", Type.INT)),
            List.of(),
            List.of(Ref.of(0)));
    BigInteger tooLarge = BigInteger.ONE.shiftLeft(IntLimits.MAX_BITS + 1);
    assertThrows(EvaluationException.class, () -> Interpreter.of(p).eval(1.0, tooLarge));
    assertThrows(EvaluationException.class, () -> KernelCompiler.compile(p).eval(1.0, tooLarge));
  }

  /** An L-Mul style kernel with an int detour: the I32Binary per-point and array methods. */
  @Test
  void i32KernelWithIntValuesTakesTheSlowPathPerPoint() {
    Program p =
        Program.of(
            "lmul",
            NumberFormat.E4M3FN,
            List.of(Input.of("a", Type.I32), Input.of("b", Type.I32)),
            List.of(
                Instr.of("za", Op.TOINT, Ref.of(0)),
                Instr.of("zb", Op.TOINT, Ref.of(1)),
                Instr.of("p", Op.ZMUL, Ref.of(2), Ref.of(3)),
                Instr.of("q", Op.ZMUL, Ref.of(4), Ref.of(4)),
                Instr.of("big", Op.ZLT, IntLit.of(1L << 40), Ref.of(5)),
                Instr.of("r", Op.ISELECT, Ref.of(6), I32Lit.of(1), I32Lit.of(0))),
            List.of(Ref.of(7)));
    I32Binary k = KernelCompiler.compile(p, I32Binary.class);
    assertEquals(0, k.apply(3, 5));
    assertEquals(1, k.apply(1 << 10, 1 << 11)); // 2^42 on the fast path
    assertEquals(1, k.apply(Integer.MIN_VALUE, Integer.MIN_VALUE)); // (2^62)^2 leaves 64 bits
    int[] as = {3, 1 << 10, Integer.MIN_VALUE};
    int[] bs = {5, 1 << 11, Integer.MIN_VALUE};
    int[] rs = new int[3];
    k.apply(as, bs, rs, 3);
    assertArrayEquals(new int[] {0, 1, 1}, rs);
  }
}
