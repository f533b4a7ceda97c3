package numevo.evolver.hash;

import static numevo.evolver.hash.HashFixtures.hash;
import static numevo.evolver.hash.HashFixtures.kernel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Op;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;
import numevo.evolver.genome.GenomeConfig;
import numevo.hashing.ProbeConfig;
import org.junit.jupiter.api.Test;

/** {@link KernelHash}: one kernel of any signature, as {@code numevo hash} sees it. */
class KernelHashTest {
  private static final String X = "kernel k float32\ninput x : f";
  private static final String A = "kernel k float64\ninput a : int";

  @Test
  void floatKernelsHashAsTheSearchHashesThem() {
    Program p = kernel(X, "s = mul x x\ny = add s 1.0\noutput y");
    GenomeConfig genome =
        GenomeConfig.of(NumberFormat.FLOAT32, List.of(Type.F), Type.F, List.of(Op.FADD));
    List<Bounds> unit = List.of(Bounds.of(0, 1));
    assertEquals(ProgramHasher.of(genome, HashConfig.DEFAULT).hash(p).orElseThrow(), hash(p));
    assertEquals(
        ProgramHasher.of(genome, HashConfig.DEFAULT.withInputs(unit)).hash(p).orElseThrow(),
        KernelHash.of(p, unit, ProbeConfig.DEFAULT));
  }

  @Test
  void defaultRangesAreEveryValueOrTheCodesOfNarrowFormats() {
    assertEquals(
        List.of(Bounds.ALL, Bounds.of(0, 255), Bounds.ALL),
        KernelHash.defaultRanges(NumberFormat.E4M3FN, List.of(Type.F, Type.I32, Type.INT)));
    assertEquals(
        List.of(Bounds.of(0, 65535)),
        KernelHash.defaultRanges(NumberFormat.BFLOAT16, List.of(Type.I32)));
    assertEquals(
        List.of(Bounds.ALL), KernelHash.defaultRanges(NumberFormat.FLOAT32, List.of(Type.I32)));
  }

  @Test
  void rangesAndSeedsArePartOfTheHash() {
    Program abs = kernel(X, "y = abs x\noutput y");
    Program id = kernel(X, "output x");
    List<Bounds> unit = List.of(Bounds.of(0, 1));
    assertNotEquals(hash(abs), hash(id));
    assertEquals(
        KernelHash.of(abs, unit, ProbeConfig.DEFAULT),
        KernelHash.of(id, unit, ProbeConfig.DEFAULT));
    assertNotEquals(
        KernelHash.of(id, ProbeConfig.DEFAULT), KernelHash.of(id, ProbeConfig.DEFAULT.withSeed(2)));
    assertThrows(
        IllegalArgumentException.class, () -> KernelHash.of(id, List.of(), ProbeConfig.DEFAULT));
  }

  @Test
  void kernelsInvalidEverywhereHashEqualAndUnlikeAnyValidKernel() {
    Program byZero = kernel(A, "y = div a 0\noutput y");
    Program alsoByZero = kernel(A, "s = add a 1\nz = sub a a\ny = div s z\noutput y");
    assertEquals(hash(byZero), hash(alsoByZero));
    assertNotEquals(hash(kernel(A, "y = mul a 0\noutput y")), hash(byZero));
  }

  @Test
  void partialKernelsHashByWhereTheyAreValid() {
    // 1/a is invalid at the probe a = 0 only (modulo P every other residue has an inverse).
    Program inverse = kernel(A, "y = div 1 a\noutput y");
    Program sameInverse = kernel(A, "t = mul a 3\ny = div 3 t\noutput y");
    assertEquals(hash(inverse), hash(sameInverse));
    assertNotEquals(hash(kernel(A, "y = div 2 a\noutput y")), hash(inverse));
    // Evaluated exactly (a comparison), the inexact division a / 2 is invalid at odd a.
    Program halfIfOdd = kernel(A, "c = lt a a\nh = div a 2\ny = select c 0 h\noutput y");
    Program alsoHalf = kernel(A, "c = eq a a\nh = div a 2\ny = select c h 1\noutput y");
    assertEquals(hash(halfIfOdd), hash(alsoHalf));
    assertNotEquals(hash(kernel(A, "h = div a 2\noutput h")), hash(halfIfOdd));
  }
}
