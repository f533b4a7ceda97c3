package numevo.evolver.genome;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import numevo.dsl.eval.EvaluationException;
import numevo.dsl.eval.Interpreter;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Operand;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;
import numevo.dsl.random.RandomLiterals;
import numevo.dsl.random.RandomProgramConfig;
import numevo.dsl.random.RandomPrograms;
import numevo.dsl.text.Parser;
import numevo.dsl.text.Printer;
import org.junit.jupiter.api.Test;

/** {@link Kernels#foldConstants}: literals in place of constant subexpressions, same function. */
class FoldConstantsTest {

  private static final List<List<Type>> INPUTS =
      List.of(
          List.of(Type.F),
          List.of(Type.F, Type.F),
          List.of(Type.F, Type.I32),
          List.of(Type.I32, Type.I32),
          List.of(Type.INT, Type.INT),
          List.of(Type.INT, Type.I32, Type.F));

  /**
   * On random programs of every format, rich in literals, the folded program has no more
   * instructions and gives the same outputs (bit for bit; NaN equals NaN) on random inputs, or is
   * invalid on exactly the same inputs as the program without its dead code.
   */
  @Property(tries = 400, seed = "20250611", shrinking = ShrinkingMode.OFF)
  void foldingNeverChangesAKernelsOutputs(@ForAll long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    NumberFormat f = NumberFormat.values()[rng.nextInt(NumberFormat.values().length)];
    List<Type> in = INPUTS.get(rng.nextInt(INPUTS.size()));
    RandomProgramConfig c =
        RandomProgramConfig.of(f)
            .withInputs(in)
            .withSize(1, 16)
            .withOutputs(1 + rng.nextInt(2))
            .withLiteralProbability(0.3 + 0.6 * rng.nextDouble());
    Program p = RandomPrograms.of(c).next(rng);
    Program live = Kernels.stripDead(p);
    Program q = Kernels.foldConstants(p);
    assertTrue(q.body().size() <= live.body().size(), () -> Printer.print(q));
    assertEquals(p.outputTypes(), q.outputTypes());
    // The folded program is a valid program that reads back from its text.
    assertEquals(Printer.print(q), Printer.print(Parser.parse(Printer.print(q), "folded")));
    for (int t = 0; t < 20; t++) {
      Object[] x = new Object[in.size()];
      for (int i = 0; i < x.length; i++) {
        x[i] = value(RandomLiterals.literal(in.get(i), f, rng));
      }
      Object[] want = outputs(live, x);
      Object[] got = outputs(q, x);
      assertArrayEquals(
          want, got, () -> Printer.print(p) + "folded:\n" + Printer.print(q) + List.of(x));
    }
  }

  /** The outputs, or a one-element array naming the failure if the evaluation is invalid. */
  private static Object[] outputs(Program p, Object[] x) {
    try {
      return Interpreter.of(p).eval(x);
    } catch (EvaluationException e) {
      return new Object[] {"invalid"};
    }
  }

  private static Object value(Operand o) {
    return switch (o) {
      case Operand.FloatLit l -> l.value();
      case Operand.I32Lit l -> l.value();
      case Operand.IntLit l -> l.value();
      case Operand.Ref r -> throw new IllegalArgumentException("not a literal");
    };
  }

  private static Program parse(String text) {
    return Parser.parse(text, "test");
  }

  @Test
  void aConstantOperandBecomesALiteralBitExactInTheKernelsFormat() {
    Program p =
        parse(
            "kernel k bfloat16\ninput x : f\nt0 = neg -1.5\nt1 = mul t0 0.1\nt2 = add x t1\n"
                + "output t2\n");
    Program q = Kernels.foldConstants(p);
    assertEquals(1, q.body().size(), Printer.print(q));
    // 1.5 * 0.1 rounded once to bfloat16 (0.1 is itself the bfloat16 nearest 0.1).
    double want = NumberFormat.BFLOAT16.round(1.5 * NumberFormat.BFLOAT16.round(0.1));
    assertEquals(Operand.FloatLit.of(want), q.body().get(0).args().get(1));
    for (double x = -3; x <= 3; x += 0.25) {
      assertArrayEquals(Interpreter.of(p).eval(x), Interpreter.of(q).eval(x));
    }
  }

  @Test
  void aConstantOutputKeepsOneInstructionWithLiteralOperands() {
    Program p = parse("kernel k float32\ninput x : f\nt0 = neg -1.5\noutput t0\n");
    assertEquals(Printer.print(p), Printer.print(Kernels.foldConstants(p)));
    Program chain =
        parse("kernel k float32\ninput x : f\nt0 = neg -1.5\nt1 = mul t0 2.0\noutput t1\n");
    Program q = Kernels.foldConstants(chain);
    assertEquals(1, q.body().size(), Printer.print(q));
    assertEquals(
        List.of(Operand.FloatLit.of(1.5), Operand.FloatLit.of(2.0)), q.body().get(0).args());
  }

  @Test
  void anInvalidConstantStaysComputed() {
    // 1 / 3 is no exact int: the kernel is invalid wherever it is evaluated, folded or not.
    Program p =
        parse("kernel k float64\ninput a : int\nt0 = div 1:int 3:int\nt1 = add a t0\noutput t1\n");
    assertEquals(Printer.print(p), Printer.print(Kernels.foldConstants(p)));
    Program q =
        Kernels.foldConstants(
            parse(
                "kernel k float64\ninput a : int\nt0 = div 6:int 3:int\nt1 = add a t0\noutput t1\n"));
    assertEquals(1, q.body().size(), Printer.print(q));
    assertEquals(Operand.IntLit.of(2), q.body().get(0).args().get(1));
  }

  @Test
  void aKernelWithoutConstantsIsUnchanged() {
    Program p =
        parse("kernel k float32\ninput x : f\nt0 = mul x x\nt1 = fma t0 x 1.0\noutput t1\n");
    assertEquals(p, Kernels.foldConstants(p));
  }
}
