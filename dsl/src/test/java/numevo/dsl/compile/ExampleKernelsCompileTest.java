package numevo.dsl.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import numevo.dsl.eval.Interpreter;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Program;
import numevo.dsl.random.RandomLiterals;
import numevo.dsl.text.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The example kernels in {@code examples/} compile and agree with the interpreter. */
class ExampleKernelsCompileTest {

  private static Path examples() {
    String root = System.getProperty("numevo.root");
    Path dir = (root != null ? Path.of(root) : Path.of("..")).resolve("examples");
    assertTrue(Files.isDirectory(dir), "no examples directory at " + dir.toAbsolutePath());
    return dir;
  }

  static Stream<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(examples())) {
      return s.filter(p -> p.toString().endsWith(".kernel")).sorted().toList().stream();
    }
  }

  private static Program example(String name) {
    return Parser.parseFile(examples().resolve(name)).program();
  }

  @ParameterizedTest
  @MethodSource("files")
  void compiledExampleAgreesWithInterpreter(Path file) {
    Program p = Parser.parseFile(file).program();
    CompiledKernel k = KernelCompiler.compile(p);
    SplittableRandom rnd = new SplittableRandom(p.toString().hashCode()); // stable across JVMs
    NumberFormat f = p.format();
    List<Double> edges = RandomLiterals.floatEdges(f);
    List<Object[]> points = new ArrayList<>();
    for (int i = 0; i < 512; i++) {
      Object[] point = new Object[p.inputs().size()];
      for (int q = 0; q < point.length; q++) {
        point[q] =
            switch (p.inputs().get(q).type()) {
              case F ->
                  rnd.nextInt(3) == 0
                      ? edges.get(rnd.nextInt(edges.size()))
                      : RandomLiterals.floatValue(f, rnd);
              case I32 -> RandomLiterals.i32Value(rnd);
              case INT -> RandomLiterals.intValue(rnd);
            };
      }
      points.add(point);
    }
    Agreement.checkBatch(k, points);
  }

  /** The L-Mul kernel on every pair of e4m3fn codes, through the I32Binary array method. */
  @Test
  void lmulAgreesOnEveryPairOfCodes() {
    Program p = example("lmul_e4m3fn.kernel");
    I32Binary k = KernelCompiler.compile(p, I32Binary.class);
    int n = 256 * 256;
    int[] as = new int[n];
    int[] bs = new int[n];
    for (int i = 0; i < n; i++) {
      as[i] = i >>> 8;
      bs[i] = i & 255;
    }
    int[] rs = new int[n];
    k.apply(as, bs, rs, n);
    Interpreter interpreter = Interpreter.of(p);
    for (int i = 0; i < n; i++) {
      assertEquals((Integer) interpreter.eval(as[i], bs[i])[0], rs[i], as[i] + " * " + bs[i]);
      assertEquals(rs[i], k.apply(as[i], bs[i]));
    }
  }

  /** The float32 Horner polynomial on 2^16 points of [0, 1), through the Float32Unary methods. */
  @Test
  void hornerAgreesOnTheUnitInterval() {
    Program p = example("exp2_horner6.kernel");
    Float32Unary k = KernelCompiler.compile(p, Float32Unary.class);
    int n = 1 << 16;
    float[] xs = new float[n];
    for (int i = 0; i < n; i++) {
      xs[i] = i / (float) n;
    }
    float[] ys = new float[n];
    k.apply(xs, ys, n);
    Interpreter interpreter = Interpreter.of(p);
    for (int i = 0; i < n; i++) {
      float expected = (float) (double) (Double) interpreter.eval((double) xs[i])[0];
      assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(ys[i]), "x = " + xs[i]);
      assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(k.apply(xs[i])));
    }
  }
}
