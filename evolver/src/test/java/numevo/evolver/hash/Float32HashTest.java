package numevo.evolver.hash;

import static numevo.evolver.hash.HashFixtures.hash;
import static numevo.evolver.hash.HashFixtures.kernel;
import static numevo.evolver.hash.HashFixtures.throughEveryEngine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import numevo.dsl.eval.Interpreter;
import numevo.dsl.program.Program;
import numevo.hashing.Evaluator;
import numevo.hashing.Hash128;
import org.junit.jupiter.api.Test;

/**
 * Functional hashing of float32 kernels: the hash follows the function bit for bit, over every
 * float32 value (infinities and NaN included), whatever computes it and however it is written.
 */
class Float32HashTest {
  private static final String X = "kernel k float32\ninput x : f";
  private static final String ABC = "kernel k float32\ninput a : f\ninput b : f\ninput c : f";

  /** x * (x * c + 1), a cubic-free Horner step with a constant that is not a power of two. */
  private static final Program HORNER =
      kernel(X, "t = mul x 0x1.555556p-3\nu = add t 1.0\ny = mul x u\noutput y");

  private static final float C = 0x1.555556p-3f;

  @Test
  void interpretedCompiledAndLambdaGetTheSameHash() {
    Hash128 lambda =
        hash(
            HORNER,
            Evaluator.unary(
                v -> {
                  float x = (float) v;
                  return x * (x * C + 1.0f);
                }));
    for (Hash128 h : throughEveryEngine(HORNER)) {
      assertEquals(lambda, h);
    }
  }

  @Test
  void xPlusXAndTwoTimesXHashEqual() {
    Hash128 sum = hash(kernel(X, "y = add x x\noutput y"));
    assertEquals(sum, hash(kernel(X, "y = mul x 2.0\noutput y")));
    assertEquals(sum, hash(kernel(X, "y = mul 2.0 x\noutput y")));
    assertEquals(sum, hash(HORNER, Evaluator.unary(v -> (float) v * 2.0f)));
  }

  @Test
  void reorderedIndependentInstructionsHashEqualToThePlainForm() {
    Program plain = kernel(X, "s = mul x x\nt = add x 1.0\ny = mul s t\noutput y");
    Program reordered = kernel(X, "t = add x 1.0\ns = mul x x\ny = mul s t\noutput y");
    assertEquals(hash(plain), hash(reordered));
  }

  @Test
  void deadCodeHashesEqualToThePlainForm() {
    Program plain = kernel(X, "s = mul x x\ny = add s x\noutput y");
    Program bloated =
        kernel(
            X,
            "d = div x 3.0\ns = mul x x\ne = sqrt d\ny = add s x\nh = mul e y\ng = sub h h\noutput y");
    assertEquals(hash(plain), hash(bloated));
    for (Hash128 h : throughEveryEngine(bloated)) {
      assertEquals(hash(plain), h);
    }
  }

  @Test
  void regroupedSumsHashDifferentlyBecauseFloat32RoundsEachStep() {
    Program left = kernel(ABC, "s = add a b\ny = add s c\noutput y");
    Program right = kernel(ABC, "s = add b c\ny = add a s\noutput y");
    // The difference is real: at (1e8, -1e8, 1) the left sum is 1 and the right one 0.
    Object[] at = {1e8, -1e8, 1.0};
    assertEquals(1.0, Interpreter.of(left).eval(at)[0]);
    assertEquals(0.0, Interpreter.of(right).eval(at)[0]);
    assertNotEquals(hash(left), hash(right));
  }

  @Test
  void differentFunctionsHashDifferently() {
    Program square = kernel(X, "y = mul x x\noutput y");
    // Equal to the square on x >= 0 and NaN, different for negative x only.
    Program signedSquare = kernel(X, "a = abs x\ny = mul x a\noutput y");
    assertNotEquals(hash(square), hash(signedSquare));
    assertNotEquals(hash(square), hash(HORNER));
    // One ULP apart in a constant.
    assertNotEquals(
        hash(kernel(X, "y = mul x 0x1.555556p-3\noutput y")),
        hash(kernel(X, "y = mul x 0x1.555558p-3\noutput y")));
  }
}
