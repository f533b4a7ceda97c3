package numevo.dsl.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Op;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;
import numevo.dsl.random.ProgramArbitraries;
import numevo.dsl.random.RandomLiterals;

/**
 * The columnar evaluator agrees bit for bit with the reference interpreter (every NaN one class) on
 * random programs of every format and op, over inputs that mix the hard values (NaN, ±0, ±Inf,
 * subnormals, the largest finite value, i32 and int extremes) with random ones.
 */
class ColumnarAgreesWithInterpreterTest {
  private static final int POINTS = 64;

  // One evaluator reset to every program of the run, in turn: its columns carry over from
  // programs of other formats, types and literals, and must never change a result.
  private static final ColumnarEvaluator REUSED =
      ColumnarEvaluator.of(Programs.single(NumberFormat.FLOAT32, Op.FADD), POINTS);

  @Provide
  Arbitrary<Program> programs() {
    return ProgramArbitraries.programs();
  }

  @Property(tries = 1500, seed = "20261127")
  void columnarEqualsInterpreter(@ForAll("programs") Program p) {
    SplittableRandom rnd = new SplittableRandom(p.hashCode());
    ColumnarEvaluator col = ColumnarEvaluator.of(p, POINTS);
    Batch in = col.newInputBatch();
    Batch out = col.newOutputBatch();
    NumberFormat f = p.format();
    List<Double> edges = RandomLiterals.floatEdges(f);
    for (int port = 0; port < in.ports(); port++) {
      for (int i = 0; i < POINTS; i++) {
        Object v =
            switch (in.type(port)) {
              case F ->
                  rnd.nextInt(3) == 0
                      ? edges.get(rnd.nextInt(edges.size()))
                      : RandomLiterals.floatValue(f, rnd);
              case I32 -> RandomLiterals.i32Value(rnd);
              case INT -> RandomLiterals.intValue(rnd);
            };
        in.set(port, i, v);
      }
    }
    Interpreter interp = Interpreter.of(p);
    Object[][] expected = new Object[POINTS][];
    String invalid = null;
    for (int i = 0; i < POINTS && invalid == null; i++) {
      Object[] tuple = new Object[in.ports()];
      for (int port = 0; port < tuple.length; port++) {
        tuple[port] = in.get(port, i);
      }
      try {
        expected[i] = interp.eval(tuple);
      } catch (EvaluationException e) {
        invalid = e.getMessage();
      }
    }
    String columnarInvalid = null;
    try {
      col.evaluate(in, out, POINTS);
    } catch (EvaluationException e) {
      columnarInvalid = e.getMessage();
    }
    // Both engines call the evaluation invalid, or neither does.
    assertEquals(invalid != null, columnarInvalid != null, () -> "invalidity differs: " + p);
    Batch again = col.newOutputBatch();
    String reusedInvalid = null;
    try {
      REUSED.reset(p).evaluate(in, again, POINTS);
    } catch (EvaluationException e) {
      reusedInvalid = e.getMessage();
    }
    assertEquals(columnarInvalid, reusedInvalid, () -> "a reused evaluator differs: " + p);
    if (invalid != null) {
      return;
    }
    for (int o = 0; o < out.ports(); o++) {
      for (int i = 0; i < POINTS; i++) {
        int point = i;
        assertEquals(
            String.valueOf(out.get(o, i)),
            String.valueOf(again.get(o, i)),
            () -> "a reused evaluator differs at point " + point + ":\n" + p);
      }
    }
    List<Type> types = p.outputTypes();
    for (int i = 0; i < POINTS; i++) {
      for (int o = 0; o < types.size(); o++) {
        Object want = expected[i][o];
        Object got = out.get(o, i);
        int point = i;
        switch (types.get(o)) {
          case F ->
              assertEquals(
                  f.bitsOf((Double) want),
                  f.bitsOf((Double) got),
                  () -> "point " + point + " inputs " + inputs(in, point) + "\n" + p);
          case I32, INT -> assertEquals(want, got, () -> "point " + point + "\n" + p);
        }
      }
    }
  }

  private static String inputs(Batch in, int i) {
    Object[] t = new Object[in.ports()];
    for (int p = 0; p < t.length; p++) {
      t[p] = in.get(p, i);
    }
    return Arrays.toString(t);
  }
}
