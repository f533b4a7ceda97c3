package numevo.dsl.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import numevo.dsl.eval.EvaluationException;
import numevo.dsl.eval.Interpreter;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Instr;
import numevo.dsl.program.Op;
import numevo.dsl.program.Operand;
import numevo.dsl.program.Operand.IntLit;
import numevo.dsl.program.Operand.Ref;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;
import numevo.dsl.random.RandomProgramConfig;
import numevo.dsl.random.RandomPrograms;
import numevo.dsl.text.Printer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Exported C, compiled with {@code gcc -std=c99 -O2 -ffp-contract=off -Wall -Wextra -pedantic
 * -Werror} and run, computes what the interpreter computes, bit for bit (every NaN one value), on
 * random programs of every format and op and on every op over every combination of hard inputs; an
 * evaluation the interpreter calls invalid returns status 1 or 2, and an int leaving int64_t status
 * 3 at the first instruction where it does. exp, log, sin, cos, tanh and pow (the C library's) are
 * within one ulp of StrictMath's. All programs go into one translation unit with one driver, which
 * reads input tuples and prints output bits. Without gcc the tests are skipped, saying so.
 */
class CExportAgreesWithInterpreterTest {
  private static final int RANDOM_PER_FORMAT = 50;
  private static final int POINTS = 40;

  private enum Kind {
    RANDOM,
    EDGES,
    LIBM
  }

  private record Case(Program program, Kind kind, List<Object[]> tuples) {}

  private static final List<Case> CASES = new ArrayList<>();
  private static String noGcc;
  private static Path dir;
  private static String source;
  private static List<List<String>> results;

  @BeforeAll
  static void exportCompileAndRun() throws Exception {
    noGcc = Gcc.unavailable();
    if (noGcc != null) {
      System.err.println("C export tests SKIPPED: " + noGcc);
      return;
    }
    SplittableRandom rnd = new SplittableRandom(20261204L);
    for (NumberFormat f : NumberFormat.values()) {
      String tag = f.formatName();
      for (int i = 0; i < RANDOM_PER_FORMAT; i++) {
        Program p = int64Literals(Corpus.renamed(randomWithoutLibm(f, rnd), "random_" + tag + i));
        CASES.add(new Case(p, Kind.RANDOM, int64(Corpus.randomTuples(p, POINTS, rnd))));
      }
      for (Program p : Corpus.singleOps(f, "op_" + tag + "_")) {
        boolean libm = p.body().get(0).op().float64Only();
        List<Object[]> tuples = int64(Corpus.edgeTuples(p));
        if (libm) {
          tuples.addAll(Corpus.randomTuples(p, 2000, rnd));
        }
        CASES.add(new Case(p, libm ? Kind.LIBM : Kind.EDGES, tuples));
      }
    }
    dir = Files.createTempDirectory("numevo-c-export");
    source = CExporter.export(CASES.stream().map(Case::program).toList()) + driver();
    Path c = dir.resolve("kernels.c");
    Files.writeString(c, source, StandardCharsets.UTF_8);
    Path exe =
        Gcc.compile(
            c,
            List.of(
                "-std=c99",
                "-O2",
                "-ffp-contract=off",
                "-Wall",
                "-Wextra",
                "-pedantic",
                "-Werror"));
    Path input = dir.resolve("input.txt");
    try (var w = Files.newBufferedWriter(input, StandardCharsets.UTF_8)) {
      for (int i = 0; i < CASES.size(); i++) {
        for (Object[] t : CASES.get(i).tuples()) {
          w.write(inputLine(i, CASES.get(i).program(), t));
        }
      }
    }
    List<String> lines = Gcc.run(exe, input);
    results = new ArrayList<>();
    int n = 0;
    for (Case cs : CASES) {
      results.add(lines.subList(n, Math.min(lines.size(), n + cs.tuples().size())));
      n += cs.tuples().size();
    }
    assertEquals(n, lines.size(), "one output line per input tuple");
  }

  @AfterAll
  static void cleanUp() throws IOException {
    if (dir != null) {
      try (Stream<Path> s = Files.walk(dir)) {
        s.sorted(Comparator.reverseOrder()).forEach(CExportAgreesWithInterpreterTest::delete);
      }
    }
  }

  private static void delete(Path p) {
    try {
      Files.delete(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void randomProgramsAgreeOnRandomAndHardInputs() {
    assumeTrue(noGcc == null, () -> "C export tests skipped: " + noGcc);
    assertTrue(check(Kind.RANDOM) > 10_000);
  }

  @Test
  void everyOpAgreesOnEveryCombinationOfHardInputs() {
    assumeTrue(noGcc == null, () -> "C export tests skipped: " + noGcc);
    assertTrue(check(Kind.EDGES) > 100_000);
  }

  @Test
  void theCLibrarysTranscendentalsAreWithinOneUlpOfStrictMath() {
    assumeTrue(noGcc == null, () -> "C export tests skipped: " + noGcc);
    assertTrue(check(Kind.LIBM) > 10_000);
  }

  @Test
  void intKernelsReportEveryStatus() {
    assumeTrue(noGcc == null, () -> "C export tests skipped: " + noGcc);
    int[] seen = new int[4];
    for (int i = 0; i < CASES.size(); i++) {
      for (String line : results.get(i)) {
        seen[Integer.parseInt(line.split(" ")[0])]++;
      }
    }
    for (int s = 1; s < 4; s++) {
      assertTrue(seen[s] > 0, "status " + s + " never occurred: " + Arrays.toString(seen));
    }
  }

  /** Compares every tuple of the cases of a kind; returns the count. */
  private static int check(Kind kind) {
    int compared = 0;
    for (int i = 0; i < CASES.size(); i++) {
      Case c = CASES.get(i);
      if (c.kind() != kind) {
        continue;
      }
      for (int j = 0; j < c.tuples().size(); j++) {
        compare(c, c.tuples().get(j), results.get(i).get(j));
        compared++;
      }
    }
    return compared;
  }

  private static void compare(Case c, Object[] t, String line) {
    Program p = c.program();
    String[] got = line.split(" ");
    Expected want = expected(p, t);
    int status = Integer.parseInt(got[0]);
    if (status != want.status()) {
      fail("status: expected " + want.status() + ", C gave " + status + where(c, t, line));
    }
    if (status != 0) {
      return;
    }
    List<Type> types = p.outputTypes();
    for (int o = 0; o < types.size(); o++) {
      Object actual = parse(types.get(o), p.format(), got[o + 1]);
      Object expected = want.outputs()[o];
      boolean ok =
          c.kind() == Kind.LIBM
              ? withinOneUlp((Double) expected, (Double) actual)
              : Corpus.same(types.get(o), expected, actual);
      if (!ok) {
        fail("output " + o + ": interpreter " + expected + ", C " + actual + where(c, t, line));
      }
    }
  }

  private static boolean withinOneUlp(double want, double got) {
    if (Double.isNaN(want) || Double.isNaN(got)) {
      return Double.isNaN(want) && Double.isNaN(got);
    }
    if (Double.isInfinite(want) || Double.isInfinite(got)) {
      // At the overflow threshold one library may round to the largest finite value.
      double w = Double.isInfinite(want) ? Math.copySign(Double.MAX_VALUE, want) : want;
      double g = Double.isInfinite(got) ? Math.copySign(Double.MAX_VALUE, got) : got;
      return w == g;
    }
    return Math.abs(want - got) <= Math.ulp(want);
  }

  /** What the C function should give: a status and, for status 0, the outputs. */
  private record Expected(int status, Object[] outputs) {}

  /**
   * The C code computes the kept instructions in order and stops at the first that fails: the
   * interpreter fails there (status 1 or 2), or the int result leaves int64_t (status 3). Kept:
   * what an output depends on, and int add, sub, mul and div with what they depend on.
   */
  private static Expected expected(Program p, Object[] t) {
    Object[] in = interpreterInputs(p, t);
    if (CEmitter.returnsStatus(p)) {
      int k = p.inputs().size();
      boolean[] kept = keptInC(p);
      for (int i = 0; i < p.body().size(); i++) {
        if (!kept[k + i]) {
          continue;
        }
        Program prefix =
            Program.of(
                p.name(),
                p.format(),
                p.inputs(),
                p.body().subList(0, i + 1),
                List.of(Ref.of(k + i)));
        Object v;
        try {
          v = Interpreter.of(prefix).eval(in)[0];
        } catch (EvaluationException e) {
          return new Expected(
              switch (e.getMessage()) {
                case "int division by zero" -> 1;
                case "inexact int division" -> 2;
                default -> throw new AssertionError("unexpected: " + e.getMessage());
              },
              null);
        }
        if (v instanceof BigInteger b && b.bitLength() > 63) {
          return new Expected(3, null);
        }
      }
    }
    return new Expected(0, Interpreter.of(p).eval(in));
  }

  private static boolean[] keptInC(Program p) {
    boolean[] keep = new boolean[p.valueCount()];
    p.outputs().forEach(r -> keep[r.index()] = true);
    int k = p.inputs().size();
    for (int i = p.body().size() - 1; i >= 0; i--) {
      Instr ins = p.body().get(i);
      Op op = ins.op();
      if (op == Op.ZADD || op == Op.ZSUB || op == Op.ZMUL || op == Op.ZDIV) {
        keep[k + i] = true;
      }
      if (keep[k + i]) {
        ins.args().stream()
            .filter(a -> a instanceof Ref)
            .forEach(a -> keep[((Ref) a).index()] = true);
      }
    }
    return keep;
  }

  /** f arguments travel as floats except in float64: give the interpreter the same values. */
  private static Object[] interpreterInputs(Program p, Object[] t) {
    Object[] in = t.clone();
    for (int i = 0; i < t.length; i++) {
      if (p.inputs().get(i).type() == Type.F && p.format() != NumberFormat.FLOAT64) {
        in[i] = (double) (float) (double) (Double) t[i];
      }
    }
    return in;
  }

  private static Object parse(Type type, NumberFormat f, String s) {
    return switch (type) {
      case F ->
          f == NumberFormat.FLOAT64
              ? Double.longBitsToDouble(Long.parseUnsignedLong(s, 16))
              : (double) Float.intBitsToFloat(Integer.parseUnsignedInt(s, 16));
      case I32 -> Integer.parseInt(s);
      case INT -> new BigInteger(s);
    };
  }

  private static String where(Case c, Object[] t, String line) {
    return "\ninputs "
        + Arrays.toString(t)
        + ", C printed '"
        + line
        + "'\n"
        + Printer.print(c.program())
        + "exported:\n"
        + CExporter.export(c.program());
  }

  /** Random programs of a format drawn as ProgramArbitraries does, without the libm ops. */
  private static Program randomWithoutLibm(NumberFormat f, SplittableRandom rng) {
    List<Type> inputs = new ArrayList<>();
    int inputCount = rng.nextInt(5);
    for (int i = 0; i < inputCount; i++) {
      inputs.add(Type.values()[rng.nextInt(Type.values().length)]);
    }
    List<Op> ops =
        RandomProgramConfig.validOps(f).stream().filter(op -> !op.float64Only()).toList();
    RandomProgramConfig config =
        RandomProgramConfig.of(f)
            .withOps(ops)
            .withInputs(inputs)
            .withSize(1, 1 + rng.nextInt(30))
            .withOutputs(1 + rng.nextInt(3))
            .withLiteralProbability(rng.nextDouble(0.5));
    return RandomPrograms.of(config).next(rng);
  }

  /** The program with its int literals cut to 64 bits (C cannot export larger ones). */
  private static Program int64Literals(Program p) {
    List<Instr> body = new ArrayList<>();
    for (Instr ins : p.body()) {
      List<Operand> args = new ArrayList<>();
      for (Operand a : ins.args()) {
        args.add(a instanceof IntLit l ? IntLit.of(l.value().longValue()) : a);
      }
      body.add(new Instr(ins.name(), ins.op(), args));
    }
    return Program.of(p.name(), p.format(), p.inputs(), body, p.outputs());
  }

  /** The tuples with their int values cut to 64 bits. */
  private static List<Object[]> int64(List<Object[]> tuples) {
    List<Object[]> out = new ArrayList<>();
    for (Object[] t : tuples) {
      Object[] u = t.clone();
      for (int i = 0; i < u.length; i++) {
        if (u[i] instanceof BigInteger b) {
          u[i] = BigInteger.valueOf(b.longValue());
        }
      }
      out.add(u);
    }
    return out;
  }

  private static String inputLine(int caseIndex, Program p, Object[] t) {
    StringBuilder sb = new StringBuilder().append(caseIndex);
    for (int i = 0; i < t.length; i++) {
      sb.append(' ');
      switch (p.inputs().get(i).type()) {
        case F -> {
          double v = (Double) t[i];
          if (p.format() == NumberFormat.FLOAT64) {
            sb.append(Long.toHexString(Double.doubleToRawLongBits(v)));
          } else {
            sb.append(Integer.toHexString(Float.floatToRawIntBits((float) v)));
          }
        }
        case I32, INT -> sb.append(t[i]);
      }
    }
    return sb.append('\n').toString();
  }

  /** main: reads "case inputs..." lines, prints "status outputs..." lines. */
  private static String driver() {
    StringBuilder sb = new StringBuilder();
    sb.append(
        """

        #include <inttypes.h>
        #include <stdio.h>
        #include <stdlib.h>

        static float rd_f32(void) {
          uint32_t u;
          float v;
          if (scanf("%" SCNx32, &u) != 1) exit(2);
          memcpy(&v, &u, sizeof v);
          return v;
        }
        static double rd_f64(void) {
          uint64_t u;
          double v;
          if (scanf("%" SCNx64, &u) != 1) exit(2);
          memcpy(&v, &u, sizeof v);
          return v;
        }
        static int32_t rd_i32(void) {
          int32_t v;
          if (scanf("%" SCNd32, &v) != 1) exit(2);
          return v;
        }
        static int64_t rd_i64(void) {
          int64_t v;
          if (scanf("%" SCNd64, &v) != 1) exit(2);
          return v;
        }
        static void pr_f32(float v) {
          uint32_t u;
          memcpy(&u, &v, sizeof u);
          printf(" %08" PRIx32, u);
        }
        static void pr_f64(double v) {
          uint64_t u;
          memcpy(&u, &v, sizeof u);
          printf(" %016" PRIx64, u);
        }
        static void pr_i32(int32_t v) { printf(" %" PRId32, v); }
        static void pr_i64(int64_t v) { printf(" %" PRId64, v); }

        int main(void) {
          int k;
          while (scanf("%d", &k) == 1) {
            switch (k) {
        """);
    for (int i = 0; i < CASES.size(); i++) {
      Program p = CASES.get(i).program();
      NumberFormat f = p.format();
      boolean status = CEmitter.returnsStatus(p);
      boolean multi = p.outputs().size() > 1;
      sb.append("    case ").append(i).append(": {\n");
      List<String> args = new ArrayList<>();
      for (int a = 0; a < p.inputs().size(); a++) {
        Type t = p.inputs().get(a).type();
        sb.append("      ")
            .append(CEmitter.portType(t, f))
            .append(" a")
            .append(a)
            .append(" = ")
            .append(suffix("rd", t, f))
            .append("();\n");
        args.add("a" + a);
      }
      List<Type> outs = p.outputTypes();
      for (int o = 0; o < outs.size(); o++) {
        sb.append("      ")
            .append(CEmitter.portType(outs.get(o), f))
            .append(" o")
            .append(o)
            .append(" = 0;\n");
        if (status || multi) {
          args.add("&o" + o);
        }
      }
      String call = CExporter.functionName(p) + "(" + String.join(", ", args) + ")";
      sb.append("      int st = 0;\n");
      if (status) {
        sb.append("      st = ").append(call).append(";\n");
      } else if (multi) {
        sb.append("      ").append(call).append(";\n");
      } else {
        sb.append("      o0 = ").append(call).append(";\n");
      }
      sb.append("      printf(\"%d\", st);\n      if (st == 0) {\n");
      for (int o = 0; o < outs.size(); o++) {
        sb.append("        ").append(suffix("pr", outs.get(o), f)).append("(o").append(o);
        sb.append(");\n");
      }
      sb.append("      }\n      putchar('\\n');\n      break;\n    }\n");
    }
    sb.append("    default:\n      return 3;\n    }\n  }\n  return 0;\n}\n");
    return sb.toString();
  }

  private static String suffix(String prefix, Type t, NumberFormat f) {
    return prefix
        + switch (t) {
          case F -> f == NumberFormat.FLOAT64 ? "_f64" : "_f32";
          case I32 -> "_i32";
          case INT -> "_i64";
        };
  }
}
