package numevo.evolver.genome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import numevo.dsl.eval.Interpreter;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Op;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;
import numevo.dsl.text.Parser;
import numevo.dsl.text.Printer;
import org.junit.jupiter.api.Test;

/**
 * {@link MutationKind#FUSE} and {@link MutationKind#REASSOCIATE}: same function, other roundings.
 */
class AlgebraicEditsTest {
  private static final GenomeConfig BITS =
      GenomeConfig.of(
          NumberFormat.FLOAT32,
          List.of(Type.F),
          Type.F,
          List.of(
              Op.FADD, Op.FSUB, Op.FMUL, Op.FFMA, Op.FNEG, Op.BITS, Op.FROMBITS, Op.ISUB, Op.ISHR));

  private static final Mutations EDITS = Mutations.of(BITS, MutationConfig.DEFAULT);

  /** The shipped rsqrt baseline (Lomont's constant, one Newton step), input named as the genome. */
  private static final Program BASELINE =
      Parser.parse(
          """
          kernel k float32
          input x0 : f
          i = bits x0
          h = shr i 1
          j = sub 0x5f375a86 h
          y = frombits j
          hx = mul x0 0.5
          yy = mul y y
          t = mul hx yy
          u = sub 1.5 t
          y1 = mul y u
          output y1
          """,
          "k");

  private static double eval(Program p, double x) {
    return (Double) Interpreter.of(p).eval(x)[0];
  }

  /** The two kernels agree within a few roundings on inputs across the float32 range. */
  private static void assertSameFunction(Program p, Program q) {
    SplittableRandom rng = new SplittableRandom(11);
    for (int k = 0; k < 2000; k++) {
      double x = Float.intBitsToFloat(0x00800000 + rng.nextInt(0x7e000000));
      double a = eval(p, x);
      double b = eval(q, x);
      assertTrue(a == b || Math.abs(a - b) <= 1e-6 * Math.abs(a), x + ": " + a + " vs " + b);
    }
  }

  private static String body(Program p) {
    String s = Printer.print(Kernels.stripDead(p));
    return s.substring(s.indexOf("input"));
  }

  @Test
  void fusingTheNewtonStepFoldsTheSignIntoTheLiteralProduct() {
    Program q = EDITS.apply(MutationKind.FUSE, BASELINE, new SplittableRandom(1));
    assertNotNull(q);
    assertSameFunction(BASELINE, q);
    // u = 1.5 - (x 0.5)(y y) becomes fma((x -0.5), (y y), 1.5): no neg, one op less.
    String b = body(q);
    assertTrue(b.contains("t4 = mul x0 -0.5"), b);
    assertTrue(b.contains("= fma t4 t5 1.5"), b);
    assertEquals(BASELINE.body().size() - 1, Kernels.stripDead(q).body().size());
  }

  @Test
  void fusingInsertsANegWhereNoLiteralCarriesTheSign() {
    Program p =
        Parser.parse(
            "kernel k float32\ninput x0 : f\na = mul x0 x0\nb = sub x0 a\noutput b\n", "k");
    Program q = EDITS.apply(MutationKind.FUSE, p, new SplittableRandom(1));
    assertNotNull(q);
    assertSameFunction(p, q);
    String b = body(q);
    assertTrue(b.contains("neg x0") && b.contains("fma"), b);
    Program add =
        Parser.parse(
            "kernel k float32\ninput x0 : f\na = mul x0 3.0\nb = add a x0\noutput b\n", "k");
    Program r = EDITS.apply(MutationKind.FUSE, add, new SplittableRandom(1));
    assertTrue(body(r).contains("= fma x0 3.0 x0"), body(r));
  }

  @Test
  void reassociatingThenFusingBuildsTheFormWithoutAnUnderflowingSquare() {
    // (x 0.5)(y y) -> (x y)(0.5 y) for some seed; then the fma with the sign in the literal: the
    // form of kernels/rsqrt/rsqrt-cost15.kernel, whose intermediates stay normal for every normal
    // x.
    boolean found = false;
    for (int seed = 0; seed < 20 && !found; seed++) {
      SplittableRandom rng = new SplittableRandom(seed);
      Program r = EDITS.apply(MutationKind.REASSOCIATE, BASELINE, rng);
      assertNotNull(r);
      assertSameFunction(BASELINE, r);
      Program f = EDITS.apply(MutationKind.FUSE, r, rng);
      assertSameFunction(BASELINE, f);
      Program g = Kernels.stripDead(f);
      boolean square = false;
      boolean fma = false;
      boolean neg = false;
      for (var ins : g.body()) {
        square |= ins.op() == Op.FMUL && ins.args().get(0).equals(ins.args().get(1));
        fma |= ins.op() == Op.FFMA;
        neg |= ins.op() == Op.FNEG;
      }
      String b = body(f);
      found = fma && !square && !neg && b.contains("mul x0 t3") && b.contains("-0.5 t3");
    }
    assertTrue(found, "no seed of 20 built (x y) and (-0.5 y) fused");
  }

  @Test
  void theEditsNeedTheirOpsAndAShape() {
    Program noProduct =
        Parser.parse("kernel k float32\ninput x0 : f\na = add x0 1.0\noutput a\n", "k");
    assertNull(EDITS.apply(MutationKind.FUSE, noProduct, new SplittableRandom(1)));
    assertNull(EDITS.apply(MutationKind.REASSOCIATE, noProduct, new SplittableRandom(1)));
    Mutations noFma =
        Mutations.of(
            BITS.withOps(
                List.of(Op.FADD, Op.FSUB, Op.FMUL, Op.BITS, Op.FROMBITS, Op.ISUB, Op.ISHR)),
            MutationConfig.DEFAULT);
    assertNull(noFma.apply(MutationKind.FUSE, BASELINE, new SplittableRandom(1)));
  }

  @Test
  void theEditsAreDeterministicUnderASeed() {
    for (MutationKind k : List.of(MutationKind.FUSE, MutationKind.REASSOCIATE)) {
      assertEquals(
          EDITS.apply(k, BASELINE, new SplittableRandom(5)),
          EDITS.apply(k, BASELINE, new SplittableRandom(5)));
    }
  }
}
