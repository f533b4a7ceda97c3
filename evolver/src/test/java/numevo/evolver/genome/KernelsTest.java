package numevo.evolver.genome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import numevo.dsl.eval.Interpreter;
import numevo.dsl.program.Op;
import numevo.dsl.program.Program;
import numevo.dsl.text.Parser;
import org.junit.jupiter.api.Test;

class KernelsTest {

  @Test
  void strippingDeadCodeKeepsTheFunction() {
    GenomeConfig g = Genomes.float32Arithmetic();
    RandomKernels kernels = RandomKernels.of(g);
    Mutations m = Mutations.of(g, MutationConfig.DEFAULT);
    SplittableRandom rng = new SplittableRandom(9);
    int stripped = 0;
    for (int i = 0; i < 200; i++) {
      Program p = kernels.next(rng);
      for (int j = 0; j < 5; j++) {
        p = m.mutate(p, rng);
      }
      Program s = Kernels.stripDead(p);
      assertTrue(s.body().size() <= p.body().size());
      if (s != p) {
        stripped++;
      }
      for (double x = -2; x <= 2; x += 0.37) {
        assertEquals(
            Interpreter.of(p).eval(new Object[] {x})[0],
            Interpreter.of(s).eval(new Object[] {x})[0]);
      }
      assertTrue(Kernels.sameLiveCode(p, s));
    }
    assertTrue(stripped > 10, "dead code was stripped " + stripped + " times");
  }

  @Test
  void liveCodeComparisonIgnoresDeadCodeAndNames() {
    Program a =
        Parser.parse("kernel a float32\ninput x : f\ny = mul x x\nd = add x 1.0\noutput y\n", "a");
    Program b = Parser.parse("kernel b float32\ninput x : f\nz = mul x x\noutput z\n", "b");
    Program c = Parser.parse("kernel c float32\ninput x : f\nz = add x x\noutput z\n", "c");
    assertTrue(Kernels.sameLiveCode(a, b));
    assertFalse(Kernels.sameLiveCode(a, c));
  }

  @Test
  void seedsAreFittedToTheGenomesNames() {
    GenomeConfig g = Genomes.float32Arithmetic();
    Program seed =
        Parser.parse("kernel horner float32\ninput x : f\na = fma x 0.5 1.0\noutput a\n", "s");
    Program fitted = Kernels.fit(seed, g);
    assertEquals("x0", fitted.inputs().get(0).name());
    assertEquals(Op.FFMA, fitted.body().get(0).op());
    Program canonical = Kernels.fit(fitted, g);
    assertEquals(fitted, canonical);
    assertSame(Program.class, fitted.getClass());
  }

  @Test
  void seedsOutsideThePrimitiveSetAreRejected() {
    GenomeConfig g = Genomes.float32Arithmetic();
    Program seed = Parser.parse("kernel s float32\ninput x : f\na = sqrt x\noutput a\n", "s");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Kernels.fit(seed, g));
    assertTrue(e.getMessage().contains("FSQRT"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> Kernels.fit(seed, g.withOps(List.of(Op.FSQRT)).withSizes(0, 0, 0)));
  }
}
