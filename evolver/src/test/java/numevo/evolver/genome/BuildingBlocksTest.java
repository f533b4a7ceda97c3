package numevo.evolver.genome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import numevo.dsl.eval.Interpreter;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Input;
import numevo.dsl.program.Instr;
import numevo.dsl.program.Op;
import numevo.dsl.program.Operand.I32Lit;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;
import numevo.dsl.text.Parser;
import org.junit.jupiter.api.Test;

/**
 * The building-block edits ({@link MutationKind#PARTIAL}, {@link MutationKind#SPLICE}): valid
 * programs by construction on random genomes, the block they insert, and determinism from the seed.
 */
class BuildingBlocksTest {
  /** The L-Mul targets' genome: two e4m3fn codes in, one out, their i32 op set. */
  private static final GenomeConfig LMUL =
      new GenomeConfig(
          NumberFormat.E4M3FN,
          List.of(Input.of("a", Type.I32), Input.of("b", Type.I32)),
          List.of(Type.I32),
          List.of(
              Op.IADD,
              Op.ISUB,
              Op.ISHL,
              Op.ISHR,
              Op.IUSHR,
              Op.IAND,
              Op.IOR,
              Op.IXOR,
              Op.ILT,
              Op.ILE,
              Op.IEQ,
              Op.ISELECT),
          0,
          64,
          12,
          LiteralConfig.DEFAULT);

  /** Mitchell's approximation without its special cases: the code sum less the code of 1.0. */
  private static final Program MITCHELL =
      Parser.parse(
          "kernel m e4m3fn\ninput a : i32\ninput b : i32\n"
              + "ma = and a 127\nmb = and b 127\ns = add ma mb\nt = sub s 56\n"
              + "sg = xor a b\nsb = and sg 128\nr = or t sb\noutput r\n",
          "m");

  private static final Program SMALL =
      Parser.parse("kernel k e4m3fn\ninput a : i32\ninput b : i32\nt = and a 7\noutput t\n", "k");

  private static int run(Program p, int a, int b) {
    return (Integer) Interpreter.of(p).eval(a, b)[0];
  }

  @Test
  void aPartialProductStepAddsTheSelectedShiftedMultiplicandToAUse() {
    Mutations m = Mutations.of(LMUL, MutationConfig.DEFAULT);
    for (long seed = 0; seed < 50; seed++) {
      Program q = m.apply(MutationKind.PARTIAL, SMALL, new SplittableRandom(seed));
      assertNotNull(q);
      assertEquals(5, q.body().size(), q::toString);
      List<Op> ops = q.body().stream().map(Instr::op).toList();
      int at = ops.indexOf(Op.IAND) == 0 && ops.get(1) == Op.IAND ? 1 : ops.indexOf(Op.IAND);
      // and mb 2^j; shl ma j; select c s 0; add acc p, in a row.
      assertEquals(
          List.of(Op.IAND, Op.ISHL, Op.ISELECT, Op.IADD), ops.subList(at, at + 4), q::toString);
      int mask = ((I32Lit) q.body().get(at).args().get(1)).value();
      int j = ((I32Lit) q.body().get(at + 1).args().get(1)).value();
      assertEquals(1 << j, mask);
      assertTrue(j >= 0 && j <= NumberFormat.E4M3FN.mantissaBits(), "bit " + j);
      assertEquals(I32Lit.of(0), q.body().get(at + 2).args().get(2));
    }
  }

  @Test
  void fourStepsOnTheSignificandsMultiplyThem() {
    // The steps the edit inserts, written out for all four bits of 3-bit-mantissa significands,
    // multiply them: the block is a multiplier's step, not just some four instructions.
    StringBuilder k = new StringBuilder("kernel p e4m3fn\ninput a : i32\ninput b : i32\n");
    k.append("acc0 = and a 0\n");
    for (int j = 0; j < 4; j++) {
      k.append("c").append(j).append(" = and b ").append(1 << j).append('\n');
      k.append("s").append(j).append(" = shl a ").append(j).append('\n');
      k.append("p").append(j).append(" = select c").append(j).append(" s").append(j).append(" 0\n");
      k.append("acc").append(j + 1).append(" = add acc").append(j).append(" p").append(j);
      k.append('\n');
    }
    k.append("output acc4\n");
    Program p = Parser.parse(k.toString(), "p");
    for (int a = 8; a < 16; a++) {
      for (int b = 8; b < 16; b++) {
        assertEquals(a * b, run(p, a, b));
      }
    }
  }

  @Test
  void splicingADonorsOutputConeIntoTheOutputComputesTheDonor() {
    Fragments library = Fragments.of(LMUL, List.of(MITCHELL));
    // Seven instructions, each the root of one cone; all distinct.
    assertEquals(7, library.size());
    assertEquals(7, library.fragmentSize(6));
    Mutations m = Mutations.of(LMUL, MutationConfig.DEFAULT, library);
    int donors = 0;
    for (long seed = 0; seed < 200; seed++) {
      Program q = m.apply(MutationKind.SPLICE, SMALL, new SplittableRandom(seed));
      assertNotNull(q);
      assertTrue(q.body().size() > 1 && q.body().size() <= 8, q::toString);
      if (q.body().size() == 8 && q.body().get(7).op() == Op.IOR) {
        donors++;
        assertEquals(9, q.outputs().get(0).index());
        for (int a = 0; a < 256; a += 7) {
          for (int b = 0; b < 256; b += 5) {
            assertEquals(run(MITCHELL, a, b), run(q, a, b), q::toString);
          }
        }
      }
    }
    assertTrue(donors > 0, "the whole donor was spliced into the output at least once");
  }

  @Test
  void spliceDoesNotApplyWithoutALibraryOrRoom() {
    assertNull(
        Mutations.of(LMUL, MutationConfig.DEFAULT)
            .apply(MutationKind.SPLICE, SMALL, new SplittableRandom(1)));
    GenomeConfig tight =
        new GenomeConfig(
            LMUL.format(), LMUL.inputs(), LMUL.outputTypes(), LMUL.ops(), 0, 1, 1, LMUL.literals());
    Mutations m = Mutations.of(tight, MutationConfig.DEFAULT, Fragments.of(tight, List.of(SMALL)));
    assertNull(m.apply(MutationKind.SPLICE, SMALL, new SplittableRandom(1)));
    assertNull(m.apply(MutationKind.PARTIAL, SMALL, new SplittableRandom(1)));
  }

  @Test
  void donorsWithOtherInputsAndConesWithOpsOutsideTheSetAreLeftOut() {
    Program oneInput = Parser.parse("kernel k e4m3fn\ninput a : i32\nt = and a 7\noutput t\n", "k");
    assertTrue(Fragments.of(LMUL, List.of(oneInput)).isEmpty());
    Program withMul =
        Parser.parse(
            "kernel k e4m3fn\ninput a : i32\ninput b : i32\nt = mul a b\nu = add a b\noutput u\n",
            "k");
    Fragments f = Fragments.of(LMUL, List.of(withMul));
    assertEquals(1, f.size());
    assertEquals(List.of(Op.IADD), f.ops(0));
  }

  /** Random donors of a genome: random kernels grown by mutation. */
  private static List<Program> donors(GenomeConfig g, SplittableRandom rng) {
    RandomKernels kernels = RandomKernels.of(g);
    Mutations grow = Mutations.of(g, MutationConfig.DEFAULT);
    List<Program> out = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Program p = kernels.next(rng);
      for (int j = 0; j < 6; j++) {
        p = grow.mutate(p, rng);
      }
      out.add(p);
    }
    return out;
  }

  @Property(tries = 300, seed = "1401")
  void buildingBlocksGiveValidProgramsOrDoNotApply(@ForAll long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    GenomeConfig g = rng.nextBoolean() ? LMUL : Genomes.random(rng);
    RandomKernels kernels = RandomKernels.of(g);
    Mutations m = Mutations.of(g, MutationConfig.DEFAULT, Fragments.of(g, donors(g, rng)));
    Program p = kernels.next(rng);
    for (int i = 0; i < 20; i++) {
      MutationKind kind = rng.nextBoolean() ? MutationKind.PARTIAL : MutationKind.SPLICE;
      Program q = m.apply(kind, p, rng);
      if (q != null) {
        Program fixed = q;
        assertTrue(ProgramGene.of(q, kernels).isValid(), () -> kind + " gave " + fixed);
        assertTrue(q.body().size() <= g.maxSize());
        p = q;
      }
    }
  }

  @Property(tries = 100, seed = "1402")
  void buildingBlocksAreDeterministicFromTheSeed(@ForAll long seed) {
    SplittableRandom setup = new SplittableRandom(seed);
    List<Program> donors = donors(LMUL, setup);
    Program p = RandomKernels.of(LMUL).next(setup);
    MutationConfig weights =
        MutationConfig.DEFAULT
            .withWeight(MutationKind.PARTIAL, 1)
            .withWeight(MutationKind.SPLICE, 1);
    List<Program> one = chain(Mutations.of(LMUL, weights, Fragments.of(LMUL, donors)), p, seed);
    List<Program> two = chain(Mutations.of(LMUL, weights, Fragments.of(LMUL, donors)), p, seed);
    assertEquals(one, two);
  }

  private static List<Program> chain(Mutations m, Program p, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<Program> out = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      p = m.mutate(p, rng);
      out.add(p);
    }
    return out;
  }
}
