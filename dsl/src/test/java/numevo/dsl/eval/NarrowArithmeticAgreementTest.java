package numevo.dsl.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Op;
import numevo.dsl.program.Program;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The columnar evaluator's binary64 arithmetic (round to odd for fma) agrees with the interpreter's
 * exact BigDecimal arithmetic on random operands of every narrow format, including operands with
 * far-apart exponents where a double rounding would show.
 */
class NarrowArithmeticAgreementTest {
  private static final int POINTS = 4096;

  @ParameterizedTest
  @EnumSource(
      value = NumberFormat.class,
      names = {"FLOAT16", "BFLOAT16", "E4M3FN", "E5M2", "E4M3FNUZ", "E5M2FNUZ"})
  void fmaAddMulAgreeWithExactArithmetic(NumberFormat f) {
    for (Op op : new Op[] {Op.FFMA, Op.FADD, Op.FSUB, Op.FMUL, Op.FDIV, Op.FSQRT}) {
      Program p = Programs.single(f, op);
      ColumnarEvaluator col = ColumnarEvaluator.of(p, POINTS);
      Interpreter interp = Interpreter.of(p);
      Batch in = col.newInputBatch();
      Batch out = col.newOutputBatch();
      SplittableRandom rnd = new SplittableRandom(op.ordinal() * 31L + f.ordinal());
      for (int i = 0; i < POINTS; i++) {
        for (int a = 0; a < op.arity(); a++) {
          in.f(a)[i] = f.decode(rnd.nextLong(1L << f.bits()));
        }
      }
      col.evaluate(in, out, POINTS);
      for (int i = 0; i < POINTS; i++) {
        Object[] args = new Object[op.arity()];
        for (int a = 0; a < args.length; a++) {
          args[a] = in.f(a)[i];
        }
        double expected = (Double) interp.eval(args)[0];
        assertEquals(
            f.bitsOf(expected),
            f.bitsOf(out.f(0)[i]),
            () -> op + " in " + f + " at " + java.util.Arrays.toString(args));
      }
    }
  }
}
