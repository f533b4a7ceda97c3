package numevo.evolver.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Op;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;
import numevo.dsl.text.Parser;
import numevo.evolver.genome.GenomeConfig;
import org.junit.jupiter.api.Test;

class ProgramHasherTest {
  private static final GenomeConfig F32 =
      GenomeConfig.of(
          NumberFormat.FLOAT32,
          List.of(Type.F),
          Type.F,
          List.of(Op.FADD, Op.FMUL, Op.FABS, Op.FSUB));

  private static Program parse(String body) {
    return Parser.parse("kernel k float32\ninput x : f\n" + body, "k");
  }

  @Test
  void sameFunctionWrittenDifferentlyHashesTheSame() {
    ProgramHasher h = ProgramHasher.of(F32, HashConfig.DEFAULT);
    assertEquals(
        h.hash(parse("y = add x x\noutput y\n")), h.hash(parse("y = mul x 2.0\noutput y\n")));
    assertEquals(
        h.hash(parse("y = add x 1.0\noutput y\n")),
        h.hash(parse("d = mul x x\ny = add 1.0 x\noutput y\n")));
    assertNotEquals(h.hash(parse("y = mul x x\noutput y\n")), h.hash(parse("output x\n")));
    assertTrue(h.hash(parse("output x\n")).isPresent());
  }

  @Test
  void functionsAreComparedOnTheConfiguredRangeOnly() {
    Program abs = parse("y = abs x\noutput y\n");
    Program id = parse("output x\n");
    ProgramHasher everywhere = ProgramHasher.of(F32, HashConfig.DEFAULT);
    ProgramHasher unit =
        ProgramHasher.of(F32, HashConfig.DEFAULT.withInputs(List.of(Bounds.of(0, 1))));
    assertNotEquals(everywhere.hash(abs), everywhere.hash(id));
    assertEquals(unit.hash(abs), unit.hash(id));
  }

  @Test
  void exactIntKernelsAndDisabledHashingGetNoHash() {
    GenomeConfig ints =
        GenomeConfig.of(NumberFormat.FLOAT64, List.of(Type.INT), Type.INT, List.of(Op.ZADD));
    ProgramHasher h = ProgramHasher.of(ints, HashConfig.DEFAULT);
    assertFalse(h.enabled());
    Program fib = Parser.parse("kernel k float64\ninput a : int\ny = add a a\noutput y\n", "k");
    assertTrue(h.hash(fib).isEmpty());
    ProgramHasher off = ProgramHasher.of(F32, HashConfig.DEFAULT.withEnabled(false));
    assertTrue(off.hash(parse("output x\n")).isEmpty());
  }

  @Test
  void i32OutputsAreHashedToo() {
    GenomeConfig bits =
        GenomeConfig.of(NumberFormat.FLOAT32, List.of(Type.F), Type.I32, List.of(Op.BITS, Op.IADD));
    ProgramHasher h = ProgramHasher.of(bits, HashConfig.DEFAULT);
    Program a = parse("b = bits x\nc = add b b\noutput c\n");
    Program b = parse("b = bits x\nc = add b 0\noutput c\n");
    assertTrue(h.hash(a).isPresent());
    assertNotEquals(h.hash(a), h.hash(b));
  }
}
