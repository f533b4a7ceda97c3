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
import numevo.hashing.Hash128;
import org.junit.jupiter.api.Test;

class ProgramHasherTest {
  private static final GenomeConfig F32 =
      GenomeConfig.of(
          NumberFormat.FLOAT32,
          List.of(Type.F),
          Type.F,
          List.of(Op.FADD, Op.FMUL, Op.FABS, Op.FSUB));

  /**
   * The hash of a program, which must be present: two empty hashes are equal and an empty one
   * differs from any other, so comparing {@code Optional}s would pass without hashing anything.
   */
  private static Hash128 present(ProgramHasher hasher, Program p) {
    return hasher.hash(p).orElseThrow(() -> new AssertionError("no hash for\n" + p));
  }

  private static Program parse(String body) {
    return Parser.parse("kernel k float32\ninput x : f\n" + body, "k");
  }

  @Test
  void sameFunctionWrittenDifferentlyHashesTheSame() {
    ProgramHasher h = ProgramHasher.of(F32, HashConfig.DEFAULT);
    assertEquals(
        present(h, parse("y = add x x\noutput y\n")),
        present(h, parse("y = mul x 2.0\noutput y\n")));
    assertEquals(
        present(h, parse("y = add x 1.0\noutput y\n")),
        present(h, parse("d = mul x x\ny = add 1.0 x\noutput y\n")));
    assertNotEquals(present(h, parse("y = mul x x\noutput y\n")), present(h, parse("output x\n")));
    assertTrue(h.hash(parse("output x\n")).isPresent());
  }

  @Test
  void functionsAreComparedOnTheConfiguredRangeOnly() {
    Program abs = parse("y = abs x\noutput y\n");
    Program id = parse("output x\n");
    ProgramHasher everywhere = ProgramHasher.of(F32, HashConfig.DEFAULT);
    ProgramHasher unit =
        ProgramHasher.of(F32, HashConfig.DEFAULT.withInputs(List.of(Bounds.of(0, 1))));
    assertNotEquals(present(everywhere, abs), present(everywhere, id));
    assertEquals(present(unit, abs), present(unit, id));
  }

  private static final GenomeConfig RECURRENCES =
      GenomeConfig.of(
          NumberFormat.FLOAT64,
          List.of(Type.INT, Type.INT),
          Type.INT,
          List.of(Op.ZADD, Op.ZSUB, Op.ZMUL, Op.ZNEG, Op.ZDIV, Op.ZLT, Op.ZSELECT));

  private static Program ints(String body) {
    return Parser.parse("kernel k float64\ninput x0 : int\ninput x1 : int\n" + body, "k");
  }

  @Test
  void exactIntPolynomialsAreHashedModuloAPrime() {
    ProgramHasher h = ProgramHasher.of(RECURRENCES, HashConfig.DEFAULT);
    assertTrue(h.enabled());
    assertTrue(h.modular());
    // (x0 + x1)^2 written two ways, and x0*x1 + 3 against x1*x0 + 3.
    assertEquals(
        present(h, ints("s = add x0 x1\ny = mul s s\noutput y\n")),
        present(
            h,
            ints(
                "a = mul x0 x0\nb = mul x1 x1\nc = mul x0 x1\nd = add c c\ne = add a b\n"
                    + "y = add e d\noutput y\n")));
    assertEquals(
        present(h, ints("c = mul x0 x1\ny = add c 3:int\noutput y\n")),
        present(h, ints("c = mul x1 x0\ny = add 3:int c\noutput y\n")));
    assertNotEquals(
        present(h, ints("y = add x0 x1\noutput y\n")),
        present(h, ints("y = sub x0 x1\noutput y\n")));
    assertNotEquals(
        present(h, ints("y = mul x0 x0\noutput y\n")),
        present(h, ints("y = mul x0 x1\noutput y\n")));
    assertTrue(h.hash(ints("y = neg x0\noutput y\n")).isPresent());
  }

  @Test
  void exactIntDivisionsAndBranchesGetNoHash() {
    ProgramHasher h = ProgramHasher.of(RECURRENCES, HashConfig.DEFAULT);
    // Whether an exact division is valid depends on the data, not on the polynomial.
    assertTrue(h.hash(ints("y = div x0 x1\noutput y\n")).isEmpty());
    assertTrue(h.hash(ints("c = lt x0 x1\ny = select c x0 x1\noutput y\n")).isEmpty());
    // Dead code does not count.
    assertTrue(h.hash(ints("d = div x0 x1\ny = add x0 x1\noutput y\n")).isPresent());
  }

  @Test
  void mixedIntKernelsAndDisabledHashingGetNoHash() {
    GenomeConfig mixed =
        GenomeConfig.of(
            NumberFormat.FLOAT64, List.of(Type.INT), Type.I32, List.of(Op.ZADD, Op.ZLT));
    ProgramHasher h = ProgramHasher.of(mixed, HashConfig.DEFAULT);
    assertFalse(h.enabled());
    ProgramHasher off = ProgramHasher.of(F32, HashConfig.DEFAULT.withEnabled(false));
    assertTrue(off.hash(parse("output x\n")).isEmpty());
    assertTrue(
        ProgramHasher.of(RECURRENCES, HashConfig.DEFAULT.withEnabled(false))
            .hash(ints("y = add x0 x1\noutput y\n"))
            .isEmpty());
  }

  @Test
  void i32OutputsAreHashedToo() {
    GenomeConfig bits =
        GenomeConfig.of(NumberFormat.FLOAT32, List.of(Type.F), Type.I32, List.of(Op.BITS, Op.IADD));
    ProgramHasher h = ProgramHasher.of(bits, HashConfig.DEFAULT);
    Program a = parse("b = bits x\nc = add b b\noutput c\n");
    Program b = parse("b = bits x\nc = add b 0\noutput c\n");
    assertTrue(h.hash(a).isPresent());
    assertNotEquals(present(h, a), present(h, b));
  }
}
