package numevo.dsl.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Checker;
import numevo.dsl.program.Instr;
import numevo.dsl.program.Limits;
import numevo.dsl.program.Op;
import numevo.dsl.program.Operand;
import numevo.dsl.program.Operand.FloatLit;
import numevo.dsl.program.Operand.I32Lit;
import numevo.dsl.program.Operand.IntLit;
import numevo.dsl.program.Operand.Ref;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RandomProgramsTest {

  private static List<Program> sample(RandomProgramConfig config, int count, long seed) {
    RandomPrograms generator = RandomPrograms.of(config);
    SplittableRandom rng = new SplittableRandom(seed);
    List<Program> programs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      programs.add(generator.next(rng));
    }
    return programs;
  }

  private static List<Operand> literals(List<Program> programs) {
    List<Operand> all = new ArrayList<>();
    for (Program p : programs) {
      for (Instr ins : p.body()) {
        ins.args().stream().filter(a -> !(a instanceof Ref)).forEach(all::add);
      }
    }
    return all;
  }

  @ParameterizedTest
  @EnumSource(NumberFormat.class)
  void programsFollowTheConfigAndPassTheChecker(NumberFormat format) {
    RandomProgramConfig config =
        RandomProgramConfig.of(format)
            .withInputs(Type.INT, Type.F, Type.I32)
            .withSize(3, 12)
            .withOutputs(2);
    for (Program p : sample(config, 200, 1)) {
      assertEquals(
          List.of(),
          Checker.check(p.name(), p.format(), p.inputs(), p.body(), p.outputs()),
          p.toString());
      assertEquals(format, p.format());
      assertEquals(List.of(Type.INT, Type.F, Type.I32), p.inputTypes());
      assertTrue(p.body().size() >= 3 && p.body().size() <= 12, "size " + p.body().size());
      assertEquals(2, p.outputs().size());
      assertTrue(
          p.body().stream().allMatch(i -> RandomProgramConfig.isValid(i.op(), format)),
          "op not valid in " + format);
    }
  }

  @ParameterizedTest
  @EnumSource(NumberFormat.class)
  void everyValidOpIsProduced(NumberFormat format) {
    Set<Op> seen = EnumSet.noneOf(Op.class);
    for (Program p : sample(RandomProgramConfig.of(format), 300, 2)) {
      p.body().forEach(i -> seen.add(i.op()));
    }
    assertEquals(Set.copyOf(RandomProgramConfig.validOps(format)), seen);
  }

  @ParameterizedTest
  @EnumSource(NumberFormat.class)
  void hardFloatValuesAppearAsLiterals(NumberFormat format) {
    RandomProgramConfig config =
        RandomProgramConfig.of(format).withOps(List.of(Op.FADD)).withLiteralProbability(1);
    Set<Long> seen = new HashSet<>();
    for (Operand lit : literals(sample(config, 200, 3))) {
      seen.add(Double.doubleToLongBits(((FloatLit) lit).value()));
    }
    List<Double> hard = new ArrayList<>(List.of(Double.NaN, 0.0));
    hard.addAll(List.of(format.minSubnormal(), format.minNormal(), format.maxFinite()));
    hard.addAll(List.of(-format.minSubnormal(), -format.minNormal(), -format.maxFinite()));
    if (format.hasNegativeZero()) {
      hard.add(-0.0);
    }
    if (format.hasInfinity()) {
      hard.addAll(List.of(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
    }
    for (double v : hard) {
      assertTrue(seen.contains(Double.doubleToLongBits(v)), "never generated " + v);
    }
    assertTrue(seen.size() > 50, "too few distinct values: " + seen.size());
  }

  @Test
  void noNegativeZeroWhereTheFormatHasNone() {
    RandomProgramConfig config =
        RandomProgramConfig.of(NumberFormat.E4M3FNUZ)
            .withOps(List.of(Op.FADD))
            .withLiteralProbability(1);
    for (Operand lit : literals(sample(config, 200, 4))) {
      assertNotEquals(
          Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(((FloatLit) lit).value()));
    }
  }

  @Test
  void hardI32AndIntValuesAppearAsLiterals() {
    RandomProgramConfig config =
        RandomProgramConfig.of(NumberFormat.FLOAT32)
            .withInputs()
            .withSize(1, 20)
            .withOps(List.of(Op.IADD, Op.ZADD))
            .withLiteralProbability(1);
    Set<Integer> i32s = new HashSet<>();
    List<BigInteger> ints = new ArrayList<>();
    for (Operand lit : literals(sample(config, 300, 5))) {
      switch (lit) {
        case I32Lit l -> i32s.add(l.value());
        case IntLit l -> ints.add(l.value());
        default -> throw new AssertionError(lit);
      }
    }
    for (int v : new int[] {0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 31, 32, 33, 40}) {
      assertTrue(i32s.contains(v), "never generated i32 " + v);
    }
    assertTrue(ints.contains(BigInteger.ZERO));
    assertTrue(ints.stream().anyMatch(v -> v.bitLength() > 64 && v.signum() > 0));
    assertTrue(ints.stream().anyMatch(v -> v.bitLength() > 64 && v.signum() < 0));
    assertTrue(ints.stream().anyMatch(v -> v.bitLength() == Limits.MAX_LITERAL_BITS));
    assertTrue(
        ints.stream().anyMatch(v -> v.abs().compareTo(BigInteger.TEN) < 0 && v.signum() != 0));
  }

  @Test
  void aMissingOperandTypeIsProducedByAConversion() {
    // No i32 or int input: toint and add on int can only refer to values that toi/toint made.
    RandomProgramConfig config =
        RandomProgramConfig.of(NumberFormat.FLOAT32)
            .withInputs(Type.F)
            .withSize(2, 6)
            .withOps(List.of(Op.TOI, Op.TOINT, Op.ZADD))
            .withLiteralProbability(0);
    boolean referencedInt = false;
    for (Program p : sample(config, 100, 6)) {
      for (Instr ins : p.body()) {
        if (ins.op() == Op.ZADD && ins.args().get(0) instanceof Ref r) {
          assertEquals(Type.INT, p.typeOf(r.index()));
          referencedInt = true;
        }
      }
    }
    assertTrue(referencedInt);
  }

  @Test
  void theSameSeedGivesTheSameProgramsAndAnotherSeedOthers() {
    RandomProgramConfig config = RandomProgramConfig.of(NumberFormat.BFLOAT16);
    assertEquals(sample(config, 20, 7), sample(config, 20, 7));
    assertNotEquals(sample(config, 20, 7), sample(config, 20, 8));
  }

  @Test
  void aConfigWithOpsOutsideTheFormatIsRejected() {
    RandomProgramConfig f32 = RandomProgramConfig.of(NumberFormat.FLOAT32);
    assertThrows(IllegalArgumentException.class, () -> f32.withOps(List.of(Op.FEXP)));
    RandomProgramConfig f64 = RandomProgramConfig.of(NumberFormat.FLOAT64);
    assertThrows(IllegalArgumentException.class, () -> f64.withOps(List.of(Op.BITS)));
    assertTrue(f64.ops().contains(Op.FEXP));
    assertTrue(!f64.ops().contains(Op.FROMBITS) && f32.ops().contains(Op.FROMBITS));
  }

  @Test
  void aConfigWithBadBoundsIsRejected() {
    RandomProgramConfig c = RandomProgramConfig.of(NumberFormat.FLOAT16);
    assertThrows(IllegalArgumentException.class, () -> c.withSize(5, 4));
    assertThrows(IllegalArgumentException.class, () -> c.withSize(-1, 4));
    assertThrows(IllegalArgumentException.class, () -> c.withSize(1, Limits.MAX_INSTRUCTIONS + 1));
    assertThrows(IllegalArgumentException.class, () -> c.withInputs().withSize(0, 3));
    assertThrows(IllegalArgumentException.class, () -> c.withOutputs(0));
    assertThrows(IllegalArgumentException.class, () -> c.withOps(List.of()));
    assertThrows(IllegalArgumentException.class, () -> c.withLiteralProbability(1.5));
    assertThrows(IllegalArgumentException.class, () -> c.withLiteralProbability(Double.NaN));
  }

  @Test
  void sizeZeroOutputsAnInput() {
    RandomProgramConfig config =
        RandomProgramConfig.of(NumberFormat.E5M2).withInputs(Type.I32).withSize(0, 0);
    Program p = sample(config, 1, 9).get(0);
    assertEquals(List.of(), p.body());
    assertEquals(List.of(Ref.of(0)), p.outputs());
  }
}
