package numevo.evolver.hash;

import static numevo.evolver.hash.HashFixtures.hash;
import static numevo.evolver.hash.HashFixtures.kernel;
import static numevo.evolver.hash.HashFixtures.throughEveryEngine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import numevo.dsl.program.Program;
import numevo.hashing.Evaluator;
import numevo.hashing.Hash128;
import numevo.hashing.ModP;
import org.junit.jupiter.api.Test;

/**
 * Functional hashing of exact-integer kernels: evaluated at random residues modulo the prime {@code
 * P = 2^61 - 1}, so two kernels hash equal when they are the same polynomial, whatever its degree,
 * and almost surely differently otherwise (Schwartz-Zippel).
 */
class ExactIntHashTest {
  private static final String AB = "kernel k float64\ninput a : int\ninput b : int";

  /** (a + b)^2 - 7b, written plainly. */
  private static final Program POLY =
      kernel(AB, "s = add a b\nq = mul s s\nt = mul b 7\ny = sub q t\noutput y");

  private static final Evaluator POLY_LAMBDA =
      batch -> {
        long[] a = batch.intInput(0);
        long[] b = batch.intInput(1);
        long[] y = batch.output(0);
        for (int i = 0; i < y.length; i++) {
          long s = ModP.add(a[i], b[i]);
          y[i] = ModP.sub(ModP.mul(s, s), ModP.mul(b[i], 7));
        }
        return true;
      };

  @Test
  void interpretedCompiledModPAndLambdaGetTheSameHash() {
    Hash128 lambda = hash(POLY, POLY_LAMBDA);
    assertTrue(ProgramEvaluators.supportsResidues(POLY));
    assertEquals(lambda, hash(POLY, ProgramEvaluators.residues(POLY)));
    // The interpreter and the compiled class compute exactly (big integers at the lifted residues)
    // and reduce the outputs: the same residues.
    for (Hash128 h : throughEveryEngine(POLY)) {
      assertEquals(lambda, h);
    }
  }

  @Test
  void xPlusXAndTwoTimesXHashEqual() {
    assertEquals(
        hash(kernel(AB, "y = add a a\noutput y")), hash(kernel(AB, "y = mul a 2\noutput y")));
  }

  @Test
  void reorderedIndependentInstructionsHashEqualToThePlainForm() {
    Program reordered = kernel(AB, "t = mul b 7\ns = add b a\nq = mul s s\ny = sub q t\noutput y");
    assertEquals(hash(POLY), hash(reordered));
  }

  @Test
  void deadCodeHashesEqualToThePlainForm() {
    Program bloated =
        kernel(
            AB,
            "d = div a 3\ns = add a b\nq = mul s s\ne = lt d b\nt = mul b 7\ny = sub q t\noutput y");
    assertEquals(hash(POLY), hash(bloated));
  }

  @Test
  void polynomialIdentitiesHashEqual() {
    // Exact integers are associative, unlike floats, and (a+b)^2 - 7b expands.
    assertEquals(
        hash(kernel(AB, "s = add a b\ny = add s 5\noutput y")),
        hash(kernel(AB, "s = add b 5\ny = add a s\noutput y")));
    Program expanded =
        kernel(
            AB,
            "aa = mul a a\nab = mul a b\nab2 = mul ab 2\nbb = mul b b\n"
                + "u = add aa ab2\nv = add u bb\nw = mul b 7\ny = sub v w\noutput y");
    assertEquals(hash(POLY), hash(expanded));
  }

  @Test
  void exactDivisionHashesAsItsQuotient() {
    // a(a+1) is always even: the division is exact and equals a polynomial with rational
    // coefficients, which modulo P is multiplication by the inverse of 2.
    Program halved = kernel(AB, "s = add a 1\np = mul a s\ny = div p 2\noutput y");
    long half = ModP.inverse(2);
    Hash128 lambda =
        hash(
            halved,
            batch -> {
              long[] a = batch.intInput(0);
              long[] y = batch.output(0);
              for (int i = 0; i < y.length; i++) {
                y[i] = ModP.mul(ModP.mul(a[i], ModP.add(a[i], 1)), half);
              }
              return true;
            });
    assertEquals(lambda, hash(halved));
    assertEquals(lambda, hash(halved, ProgramEvaluators.interpreted(halved)));
  }

  @Test
  void comparisonsAreEvaluatedExactlyAndAgreeWithTheModPPath() {
    // lt a a is 0: the select always takes 2a. Comparisons have no meaning modulo P, so this
    // kernel is evaluated exactly; it still hashes as 2a does modulo P.
    Program viaSelect = kernel(AB, "c = lt a a\nd = add a a\ny = select c 5 d\noutput y");
    assertFalse(ProgramEvaluators.supportsResidues(viaSelect));
    assertEquals(hash(kernel(AB, "y = mul a 2\noutput y")), hash(viaSelect));
    // Signs are those of the lifted residues: |a| differs from a.
    Program abs = kernel(AB, "c = lt a 0\nn = neg a\ny = select c n a\noutput y");
    assertNotEquals(hash(kernel(AB, "y = add a 0\noutput y")), hash(abs));
  }

  @Test
  void differentFunctionsHashDifferently() {
    assertNotEquals(hash(POLY), hash(kernel(AB, "s = add a b\ny = mul s s\noutput y")));
    assertNotEquals(
        hash(kernel(AB, "y = mul a b\noutput y")), hash(kernel(AB, "y = mul a a\noutput y")));
    // Degree 2^20 against degree 2^20 plus one: far beyond exact evaluation, easy modulo P.
    StringBuilder pow = new StringBuilder("p0 = mul a a\n");
    for (int i = 1; i < 20; i++) {
      pow.append("p").append(i).append(" = mul p").append(i - 1).append(" p").append(i - 1);
      pow.append('\n');
    }
    Program high = kernel(AB, pow + "output p19");
    Program higher = kernel(AB, pow + "y = mul p19 a\noutput y");
    assertNotEquals(hash(high), hash(higher));
  }
}
