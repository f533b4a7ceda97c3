package numevo.targets.seq;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.SplittableRandom;
import numevo.dsl.eval.EvaluationException;
import numevo.dsl.eval.Interpreter;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Op;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;
import numevo.dsl.random.RandomProgramConfig;
import numevo.dsl.random.RandomPrograms;
import org.junit.jupiter.api.Test;

class GrowthBoundTest {

  @Test
  void noValueOfARandomIntProgramExceedsItsBound() {
    RandomPrograms gen =
        RandomPrograms.of(
            new RandomProgramConfig(
                NumberFormat.FLOAT64,
                List.of(Type.INT, Type.INT, Type.INT),
                1,
                12,
                List.of(
                    Op.ZADD,
                    Op.ZSUB,
                    Op.ZMUL,
                    Op.ZNEG,
                    Op.ZDIV,
                    Op.ZLT,
                    Op.ZSELECT,
                    Op.TOINT,
                    Op.IADD),
                1,
                0.3));
    SplittableRandom rng = new SplittableRandom(5);
    int checked = 0;
    for (int t = 0; t < 3000; t++) {
      Program p = gen.next(rng);
      int bits = 1 + rng.nextInt(80);
      Object[] in = new Object[3];
      long[] inBits = new long[3];
      for (int i = 0; i < 3; i++) {
        // Extremes included: -2^bits has bit length bits, and its negation one more.
        BigInteger v =
            switch (rng.nextInt(3)) {
              case 0 -> BigInteger.ONE.shiftLeft(bits).negate();
              case 1 -> BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
              default -> new BigInteger(bits, new java.util.Random(rng.nextLong()));
            };
        in[i] = v;
        inBits[i] = bits;
      }
      long bound = GrowthBound.maxBits(p, inBits, Long.MAX_VALUE);
      Object[] values;
      try {
        values = allValues(p, in);
      } catch (EvaluationException e) {
        continue;
      }
      checked++;
      for (int v = 0; v < values.length; v++) {
        if (values[v] instanceof BigInteger b) {
          assertTrue(b.bitLength() <= bound, p + ": value " + v + " = " + b + " > " + bound);
        }
      }
    }
    assertTrue(checked > 1000, "only " + checked + " valid programs");
  }

  /** Every value of the program, by making each one an output in turn. */
  private static Object[] allValues(Program p, Object[] in) {
    Object[] out = new Object[p.valueCount()];
    for (int v = 0; v < p.valueCount(); v++) {
      if (p.typeOf(v) != Type.INT) {
        continue;
      }
      Program q =
          Program.of(
              p.name(),
              p.format(),
              p.inputs(),
              p.body(),
              List.of(numevo.dsl.program.Operand.Ref.of(v)));
      out[v] = Interpreter.of(q).eval(in)[0];
    }
    return out;
  }
}
