package numevo.targets.lmul;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.format.Saturation;
import numevo.dsl.program.Program;
import numevo.dsl.text.Parser;
import org.junit.jupiter.api.Test;

/** Hand-picked e5m2 pairs, one or two per category, scored with kernels of known output. */
class SpecialCaseAccountingTest {

  private static final NumberFormat F = NumberFormat.E5M2;

  // e5m2 codes: 0x3c = 1.0, 0x7b = 57344 (max finite), 0x7c = Inf, 0x7e = NaN, 0x01 = 2^-16.
  private static final int[] A = {0x7e, 0x7c, 0x7c, 0x00, 0x80, 0x7b, 0x01, 0x3c, 0x3c, 0x40};
  private static final int[] B = {0x3c, 0x00, 0xbc, 0x3c, 0x3c, 0x7b, 0x01, 0x01, 0x3c, 0x40};
  private static final ProductCategory[] EXPECTED = {
    ProductCategory.NAN_OPERAND, // NaN x 1
    ProductCategory.NAN_OPERAND, // Inf x 0
    ProductCategory.INF_OPERAND, // Inf x -1 = -Inf
    ProductCategory.ZERO_OPERAND, // 0 x 1
    ProductCategory.ZERO_OPERAND, // -0 x 1 = -0
    ProductCategory.OVERFLOW, // max x max
    ProductCategory.UNDERFLOW, // 2^-16 x 2^-16
    ProductCategory.SUBNORMAL, // 1 x 2^-16
    ProductCategory.NORMAL, // 1 x 1
    ProductCategory.NORMAL, // 2 x 2
  };

  private static LmulScorer scorer() {
    ProductReference ref = ProductReference.of(OperandPairs.of(F, A, B), Saturation.NONE);
    return LmulScorer.of("hand-picked", ref, LmulCosts.horowitz45nm(F));
  }

  private static Program constant(int code) {
    return Parser.parse(
        "kernel k e5m2\ninput a : i32\ninput b : i32\nr = or a "
            + code
            + "\nz = and r 0\n"
            + "c = add z "
            + code
            + "\noutput c\n",
        "k");
  }

  @Test
  void everyPairFallsInTheExpectedCategory() {
    ProductReference ref = scorer().reference();
    for (int i = 0; i < A.length; i++) {
      assertEquals(EXPECTED[i], ref.category(i), "pair " + i);
    }
    assertEquals(0xfc, ref.code(2)); // -Inf
    assertEquals(0x80, ref.code(4)); // -0
    assertEquals(0x7c, ref.code(5)); // overflow without saturation: Inf
  }

  @Test
  void aKernelReturningOneTalliesOneNormalResultPerPairAndMatchesOnlyOneTimesOne() {
    LmulScore s = scorer().score(constant(0x3c));
    assertEquals(1, s.exactCount());
    for (CategoryOutcome o : s.special()) {
      assertEquals(o.pairs(), o.got().get(ResultClass.NORMAL), o.category().key());
    }
    assertEquals(1, s.outcome(ProductCategory.NORMAL).matching());
    assertEquals(7, s.specialMismatches()); // every pair outside subnormal and normal
    // 1 against 1, against 4 and against the subnormal 2^-16; the first two are core pairs.
    assertEquals(3, s.vsReal().count());
    assertEquals(-0.75, s.vsReal().minSigned());
    assertEquals(Math.scalb(1.0, 16) - 1, s.vsReal().maxSigned());
    assertEquals(2, s.vsRealCore().count());
    assertEquals(-0.75, s.vsRealCore().minSigned());
    assertEquals(0.0, s.vsRealCore().maxSigned());
  }

  @Test
  void anyNaNMatchesAnyNaNButAPositiveZeroDoesNotMatchANegativeOne() {
    // 0x7f is a NaN with another payload than the canonical 0x7e.
    LmulScore nan = scorer().score(constant(0x7f));
    assertEquals(2, nan.outcome(ProductCategory.NAN_OPERAND).matching());
    assertEquals(2, nan.exactCount());
    assertEquals(3, nan.vsReal().excluded());
    assertEquals(0, nan.vsReal().count());

    LmulScore zero = scorer().score(constant(0x00));
    CategoryOutcome zeros = zero.outcome(ProductCategory.ZERO_OPERAND);
    assertEquals(1, zeros.matching()); // +0 x 1, not -0 x 1
    assertEquals(Map.of(ResultClass.ZERO, 2), nonzero(zeros.got()));
    assertEquals(1, zero.outcome(ProductCategory.UNDERFLOW).matching());
    assertEquals(-1.0, zero.vsReal().maxSigned());
  }

  @Test
  void onlyTheLowFormatBitsOfTheOutputCount() {
    LmulScore s = scorer().score(constant(0x3c | 0x7fff_ff00));
    assertEquals(1, s.exactCount());
  }

  @Test
  void saturationChangesTheReferenceOfAnOverflowButNotItsCategory() {
    ProductReference sat = ProductReference.of(OperandPairs.of(F, A, B), Saturation.FINITE);
    assertEquals(ProductCategory.OVERFLOW, sat.category(5));
    assertEquals(0x7b, sat.code(5));
  }

  private static Map<ResultClass, Integer> nonzero(Map<ResultClass, Integer> m) {
    return Map.copyOf(
        m.entrySet().stream()
            .filter(e -> e.getValue() != 0)
            .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
  }
}
