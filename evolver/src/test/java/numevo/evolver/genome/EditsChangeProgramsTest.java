package numevo.evolver.genome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Input;
import numevo.dsl.program.Instr;
import numevo.dsl.program.Op;
import numevo.dsl.program.Operand.FloatLit;
import numevo.dsl.program.Operand.Ref;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;
import numevo.evolver.hash.HashConfig;
import numevo.evolver.hash.ProgramHasher;
import org.junit.jupiter.api.Test;

/** Edits change what they say they change, and mostly the function too. */
class EditsChangeProgramsTest {
  private final GenomeConfig genome = Genomes.float32Arithmetic();
  private final RandomKernels kernels = RandomKernels.of(genome);
  private final Mutations mutations = Mutations.of(genome, MutationConfig.DEFAULT);
  private final ProgramHasher hasher = ProgramHasher.of(genome, HashConfig.DEFAULT);

  @Test
  void everyKindUsuallyChangesTheProgramAndTheFunction() {
    SplittableRandom rng = new SplittableRandom(7);
    for (MutationKind kind : MutationKind.values()) {
      if (kind == MutationKind.GUARD
          || kind == MutationKind.PARTIAL
          || kind == MutationKind.SPLICE
          || kind == MutationKind.FUSE
          || kind == MutationKind.REASSOCIATE) {
        // Guards need comparisons and a select (guardsRouteAUseThroughACompareAndASelect); the
        // building blocks need i32 ops or a library (BuildingBlocksTest); fusing and
        // re-associating keep the function in real arithmetic by design (AlgebraicEditsTest).
        continue;
      }
      int applied = 0;
      int changed = 0;
      int newFunction = 0;
      for (int i = 0; i < 500; i++) {
        Program p = kernels.next(rng);
        Program q = mutations.apply(kind, p, rng);
        if (q == null) {
          continue;
        }
        applied++;
        if (!q.equals(p)) {
          changed++;
        }
        if (!hasher.hash(q).equals(hasher.hash(p))) {
          newFunction++;
        }
      }
      String k = kind.toString();
      assertTrue(applied > 250, () -> k + " applied only " + "rarely");
      // A literal replaced by an equal one, or an op swapped on equal operands, changes nothing.
      assertTrue(changed >= 0.9 * applied, k + ": " + changed + " of " + applied + " changed");
      assertTrue(newFunction >= 0.6 * applied, k + ": " + newFunction + " of " + applied);
    }
  }

  @Test
  void guardsRouteAUseThroughACompareAndASelect() {
    GenomeConfig codes =
        GenomeConfig.of(
            NumberFormat.E4M3FN,
            List.of(Type.I32, Type.I32),
            Type.I32,
            List.of(Op.IADD, Op.ISUB, Op.IAND, Op.ILT, Op.IEQ, Op.ISELECT));
    RandomKernels random = RandomKernels.of(codes);
    Mutations m = Mutations.of(codes, MutationConfig.DEFAULT);
    SplittableRandom rng = new SplittableRandom(3);
    int applied = 0;
    int guarded = 0;
    for (int i = 0; i < 300; i++) {
      Program p = random.next(rng);
      Program q = m.apply(MutationKind.GUARD, p, rng);
      if (q == null) {
        continue;
      }
      applied++;
      assertEquals(p.body().size() + 2, q.body().size());
      boolean[] live = q.liveValues();
      int k = q.inputs().size();
      for (int j = 0; j + 1 < q.body().size(); j++) {
        Op a = q.body().get(j).op();
        Op b = q.body().get(j + 1).op();
        if ((a == Op.ILT || a == Op.IEQ) && b == Op.ISELECT && live[k + j + 1]) {
          guarded++;
          break;
        }
      }
    }
    assertTrue(applied > 200, "applied " + applied);
    assertTrue(guarded > 0.8 * applied, guarded + " of " + applied);
    // Without a comparison or a select it does not apply.
    assertNull(mutations.apply(MutationKind.GUARD, kernels.next(rng), rng));
  }

  @Test
  void deleteBypassesToAnOperandOfTheSameType() {
    // t0 = mul x0 x0; t1 = add t0 1.0; output t1. Deleting t0 must leave add x0 1.0.
    Program p =
        Program.of(
            "k",
            NumberFormat.FLOAT32,
            List.of(Input.of("x0", Type.F)),
            List.of(
                Instr.of("t0", Op.FMUL, Ref.of(0), Ref.of(0)),
                Instr.of("t1", Op.FADD, Ref.of(1), FloatLit.of(1.0))),
            List.of(Ref.of(2)));
    Mutations deleteDeadFirst =
        Mutations.of(genome, MutationConfig.DEFAULT.only(MutationKind.DELETE));
    SplittableRandom rng = new SplittableRandom(3);
    boolean sawBypass = false;
    for (int i = 0; i < 50; i++) {
      Program q = deleteDeadFirst.apply(MutationKind.DELETE, p, rng);
      assertNotNull(q);
      assertEquals(1, q.body().size());
      Instr only = q.body().get(0);
      if (only.op() == Op.FADD) {
        assertEquals(List.of(Ref.of(0), FloatLit.of(1.0)), only.args());
        sawBypass = true;
      }
    }
    assertTrue(sawBypass);
  }

  @Test
  void sizeLimitsStopInsertAndDelete() {
    GenomeConfig fixed = genome.withSizes(2, 2, 2);
    Mutations m = Mutations.of(fixed, MutationConfig.DEFAULT);
    Program p = RandomKernels.of(fixed).next(new SplittableRandom(1));
    SplittableRandom rng = new SplittableRandom(2);
    assertNull(m.apply(MutationKind.INSERT, p, rng));
    assertNull(m.apply(MutationKind.DUPLICATE, p, rng));
    assertNull(m.apply(MutationKind.DELETE, p, rng));
  }

  @Test
  void constantEditsNeedALiteral() {
    Program noLiterals =
        Program.of(
            "k",
            NumberFormat.FLOAT32,
            List.of(Input.of("x0", Type.F)),
            List.of(Instr.of("t0", Op.FMUL, Ref.of(0), Ref.of(0))),
            List.of(Ref.of(1)));
    SplittableRandom rng = new SplittableRandom(5);
    assertNull(mutations.apply(MutationKind.CONSTANT_ULP, noLiterals, rng));
    assertNull(mutations.apply(MutationKind.CONSTANT_RELATIVE, noLiterals, rng));
  }

  @Test
  void ulpEditsMoveAFloatLiteralByAFewUlps() {
    Program p =
        Program.of(
            "k",
            NumberFormat.FLOAT32,
            List.of(Input.of("x0", Type.F)),
            List.of(Instr.of("t0", Op.FADD, Ref.of(0), FloatLit.of(1.5))),
            List.of(Ref.of(1)));
    SplittableRandom rng = new SplittableRandom(11);
    for (int i = 0; i < 100; i++) {
      Program q = mutations.apply(MutationKind.CONSTANT_ULP, p, rng);
      double v = ((FloatLit) q.body().get(0).args().get(1)).value();
      long steps = Math.abs(Float.floatToIntBits((float) v) - Float.floatToIntBits(1.5f));
      assertTrue(steps >= 1 && steps <= MutationConfig.DEFAULT.maxUlpSteps(), "steps " + steps);
      assertNotEquals(1.5, v);
    }
  }
}
