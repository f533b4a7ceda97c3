package numevo.dsl.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.PerProperty;
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

  // Counted over all tries of the property (jqwik keeps one instance per property), and checked
  // once it passed: a property that compares nothing would pass too.
  private long comparedPoints;
  private long invalidPoints;
  private long mixedTries;

  /** The property compared enough points: valid ones, invalid ones, and both in one batch. */
  private class ComparedEnough implements PerProperty.Lifecycle {
    @Override
    public void onSuccess() {
      // With this seed, of the 96,000 points of 1,500 tries of 64, 87,934 are compared as valid
      // and 8,066 as invalid, and 116 tries have both (their valid points went uncompared before
      // the invalid batches were redone point by point). Generous minimums, for a changed
      // generator:
      assertTrue(comparedPoints >= 80_000, comparedPoints + " valid points compared");
      assertTrue(invalidPoints >= 4_000, invalidPoints + " invalid points compared");
      assertTrue(mixedTries >= 50, mixedTries + " tries with valid and invalid points");
    }
  }

  @Property(tries = 1500, seed = "20261127")
  @PerProperty(ComparedEnough.class)
  void columnarEqualsInterpreter(@ForAll("programs") Program p) {
    // Inputs seeded by the program's text: Program.hashCode() mixes in enum constants' identity
    // hashes, which change from one JVM to the next, so a failure would not reproduce.
    SplittableRandom rnd = new SplittableRandom(p.toString().hashCode());
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
    String[] invalid = new String[POINTS];
    boolean anyInvalid = false;
    for (int i = 0; i < POINTS; i++) {
      try {
        expected[i] = interp.eval(tuple(in, i));
      } catch (EvaluationException e) {
        invalid[i] = e.getMessage();
        anyInvalid = true;
      }
    }
    String columnarInvalid = null;
    try {
      col.evaluate(in, out, POINTS);
    } catch (EvaluationException e) {
      columnarInvalid = e.getMessage();
    }
    // Both engines call the evaluation invalid, or neither does.
    boolean batchInvalid = columnarInvalid != null;
    assertEquals(anyInvalid, batchInvalid, () -> "invalidity differs: " + p);
    Batch again = col.newOutputBatch();
    String reusedInvalid = null;
    try {
      REUSED.reset(p).evaluate(in, again, POINTS);
    } catch (EvaluationException e) {
      reusedInvalid = e.getMessage();
    }
    assertEquals(columnarInvalid, reusedInvalid, () -> "a reused evaluator differs: " + p);
    if (batchInvalid) {
      // An invalid point makes the whole batch invalid: evaluate each point on its own, so that
      // the valid points are compared too, and the invalid ones are invalid in both engines.
      ColumnarEvaluator single = ColumnarEvaluator.of(p, 1);
      Batch one = single.newInputBatch();
      Batch oneOut = single.newOutputBatch();
      boolean mixed = false;
      for (int i = 0; i < POINTS; i++) {
        Object[] t = tuple(in, i);
        for (int port = 0; port < t.length; port++) {
          one.set(port, 0, t[port]);
        }
        String pointInvalid = null;
        try {
          single.evaluate(one, oneOut, 1);
        } catch (EvaluationException e) {
          pointInvalid = e.getMessage();
        }
        int point = i;
        assertEquals(
            invalid[i],
            pointInvalid,
            () ->
                "invalidity differs at point " + point + " inputs " + inputs(in, point) + "\n" + p);
        if (pointInvalid == null) {
          compare(p, expected[i], oneOut, 0, in, i);
          mixed = true;
        } else {
          invalidPoints++;
        }
      }
      mixedTries += mixed ? 1 : 0;
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
    for (int i = 0; i < POINTS; i++) {
      compare(p, expected[i], out, i, in, i);
    }
  }

  /** Compares one point's outputs, {@code got} at index {@code at}, with the interpreter's. */
  private void compare(Program p, Object[] want, Batch got, int at, Batch in, int point) {
    List<Type> types = p.outputTypes();
    NumberFormat f = p.format();
    for (int o = 0; o < types.size(); o++) {
      Object w = want[o];
      Object g = got.get(o, at);
      switch (types.get(o)) {
        case F ->
            assertEquals(
                f.bitsOf((Double) w),
                f.bitsOf((Double) g),
                () -> "point " + point + " inputs " + inputs(in, point) + "\n" + p);
        case I32, INT -> assertEquals(w, g, () -> "point " + point + "\n" + p);
      }
    }
    comparedPoints++;
  }

  private static Object[] tuple(Batch in, int i) {
    Object[] t = new Object[in.ports()];
    for (int port = 0; port < t.length; port++) {
      t[port] = in.get(port, i);
    }
    return t;
  }

  private static String inputs(Batch in, int i) {
    Object[] t = new Object[in.ports()];
    for (int p = 0; p < t.length; p++) {
      t[p] = in.get(p, i);
    }
    return Arrays.toString(t);
  }
}
