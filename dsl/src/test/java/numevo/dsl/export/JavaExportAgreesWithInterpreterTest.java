package numevo.dsl.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import numevo.dsl.eval.EvaluationException;
import numevo.dsl.eval.Interpreter;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Instr;
import numevo.dsl.program.Op;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;
import numevo.dsl.text.Printer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Exported Java, compiled in memory with javac ({@code --release 17}, no warning allowed under
 * {@code -Xlint:all}) and loaded, computes what the interpreter computes, bit for bit (every NaN
 * one value), and throws an ArithmeticException with the interpreter's message where the
 * interpreter calls the evaluation invalid: on random programs of every format and op and on every
 * op over every combination of hard inputs. All classes compile in one javac task.
 */
class JavaExportAgreesWithInterpreterTest {
  private static final int RANDOM_PER_FORMAT = 60;
  private static final int POINTS = 48;

  private record Case(Program program, String className, boolean exhaustive) {}

  private static final List<Case> CASES = new ArrayList<>();
  private static ClassLoader loader;

  @BeforeAll
  static void exportAndCompile() {
    SplittableRandom rnd = new SplittableRandom(20261203L);
    for (NumberFormat f : NumberFormat.values()) {
      String tag = f.formatName();
      for (Program p : Corpus.random(f, RANDOM_PER_FORMAT, rnd, "random_" + tag + "_")) {
        CASES.add(new Case(p, "gen." + JavaExporter.className(p), false));
      }
      for (Program p : Corpus.singleOps(f, "op_" + tag + "_")) {
        CASES.add(new Case(p, "gen." + JavaExporter.className(p), true));
      }
    }
    // Selects written without a branch (kernels with bits or frombits): comparison and other
    // conditions, literal and value operands, NaN and signed zeros.
    {
      Program p =
          numevo.dsl.text.Parser.parse(
              """
              kernel mask_selects float32
              input x : f
              input y : f
              input c : i32
              l = lt x y
              a = select l x y
              b = select c x 2.5
              d = select l -0.0 nan
              e = bits a
              g = frombits c
              h = select c g y
              output a
              output b
              output d
              output e
              output h
              """,
              "mask_selects");
      CASES.add(new Case(p, "gen." + JavaExporter.className(p), true));
    }
    List<InMemoryJavaCompiler.Unit> units = new ArrayList<>();
    for (Case c : CASES) {
      units.add(
          new InMemoryJavaCompiler.Unit(
              c.className(), JavaExporter.export(c.program(), c.className())));
    }
    loader = InMemoryJavaCompiler.compile(units, 17);
  }

  @Test
  void everyOpOfEveryFormatIsExercised() {
    for (NumberFormat f : NumberFormat.values()) {
      Set<Op> seen = EnumSet.noneOf(Op.class);
      for (Case c : CASES) {
        if (c.program().format() == f && !c.exhaustive()) {
          c.program().body().stream().map(Instr::op).forEach(seen::add);
        }
      }
      Set<Op> valid = EnumSet.noneOf(Op.class);
      for (Op op : Op.values()) {
        if (numevo.dsl.random.RandomProgramConfig.isValid(op, f)) {
          valid.add(op);
        }
      }
      valid.removeAll(seen);
      assertTrue(valid.isEmpty(), () -> f + ": random programs never use " + valid);
    }
  }

  @Test
  void randomProgramsAgreeOnRandomAndHardInputs() throws Exception {
    SplittableRandom rnd = new SplittableRandom(7);
    int compared = 0;
    for (Case c : CASES) {
      if (!c.exhaustive()) {
        compared += check(c, Corpus.randomTuples(c.program(), POINTS, rnd));
      }
    }
    assertTrue(compared > 10_000, "compared " + compared);
  }

  @Test
  void everyOpAgreesOnEveryCombinationOfHardInputs() throws Exception {
    int compared = 0;
    for (Case c : CASES) {
      if (c.exhaustive()) {
        compared += check(c, Corpus.edgeTuples(c.program()));
      }
    }
    assertTrue(compared > 100_000, "compared " + compared);
  }

  /** Compares the exported method with the interpreter on each tuple; returns the count. */
  private static int check(Case c, List<Object[]> tuples) throws Exception {
    Program p = c.program();
    Method apply = apply(c);
    Interpreter interp = Interpreter.of(p);
    List<Type> outTypes = p.outputTypes();
    for (Object[] t : tuples) {
      String expectedError = null;
      Object[] expected = null;
      try {
        expected = interp.eval(t);
      } catch (EvaluationException e) {
        expectedError = e.getMessage();
      }
      Object result;
      try {
        result = apply.invoke(null, javaArguments(p, t));
      } catch (InvocationTargetException e) {
        if (expectedError != null && e.getCause() instanceof ArithmeticException a) {
          assertEquals(expectedError, a.getMessage(), () -> where(c, t));
          continue;
        }
        throw new AssertionError("exported code threw " + e.getCause() + where(c, t), e);
      }
      if (expectedError != null) {
        fail(
            "interpreter: invalid (" + expectedError + "), exported code: " + result + where(c, t));
      }
      Object[] actual = outputs(result, outTypes.size());
      for (int o = 0; o < outTypes.size(); o++) {
        if (!Corpus.same(outTypes.get(o), expected[o], actual[o])) {
          fail(
              "output "
                  + o
                  + ": interpreter "
                  + expected[o]
                  + ", exported code "
                  + actual[o]
                  + where(c, t));
        }
      }
    }
    return tuples.size();
  }

  private static Method apply(Case c) throws ClassNotFoundException {
    Class<?> k = loader.loadClass(c.className());
    for (Method m : k.getMethods()) {
      if (m.getName().equals("apply")) {
        return m;
      }
    }
    throw new AssertionError("no apply method in " + c.className());
  }

  /** The interpreter's inputs as the exported method takes them: f as float except in float64. */
  private static Object[] javaArguments(Program p, Object[] t) {
    Object[] args = t.clone();
    for (int i = 0; i < t.length; i++) {
      if (p.inputs().get(i).type() == Type.F && p.format() != NumberFormat.FLOAT64) {
        args[i] = (float) (double) (Double) t[i];
      }
    }
    return args;
  }

  private static Object[] outputs(Object result, int count) throws Exception {
    if (count == 1) {
      return new Object[] {result};
    }
    RecordComponent[] components = result.getClass().getRecordComponents();
    assertEquals(count, components.length);
    Object[] out = new Object[count];
    for (int o = 0; o < count; o++) {
      out[o] = components[o].getAccessor().invoke(result);
    }
    return out;
  }

  private static String where(Case c, Object[] t) {
    return "\ninputs "
        + Arrays.toString(t)
        + "\n"
        + Printer.print(c.program())
        + "exported:\n"
        + InMemoryJavaCompiler.numbered(JavaExporter.export(c.program(), c.className()));
  }
}
