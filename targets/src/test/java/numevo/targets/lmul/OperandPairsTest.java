package numevo.targets.lmul;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import numevo.dsl.format.NumberFormat;
import org.junit.jupiter.api.Test;

class OperandPairsTest {

  @Test
  void exhaustivePairsHoldEveryPairOnce() {
    OperandPairs p = OperandPairs.exhaustive(NumberFormat.E5M2);
    boolean[] seen = new boolean[1 << 16];
    for (int i = 0; i < p.size(); i++) {
      int key = p.a(i) << 8 | p.b(i);
      assertTrue(!seen[key]);
      seen[key] = true;
    }
    assertEquals(1 << 16, p.size());
    assertEquals("exhaustive", p.method());
  }

  @Test
  void theStratifiedSampleIsTheSameForTheSameSeedAndDiffersForAnother() {
    OperandPairs x = OperandPairs.stratified(NumberFormat.BFLOAT16, 7);
    OperandPairs y = OperandPairs.stratified(NumberFormat.BFLOAT16, 7);
    OperandPairs z = OperandPairs.stratified(NumberFormat.BFLOAT16, 8);
    assertArrayEquals(codes(x), codes(y));
    assertNotEquals(List.of(codes(x)), List.of(codes(z)));
    assertEquals(x.size(), z.size());
  }

  @Test
  void theMantissaGridStratumHoldsEveryMantissaPairOncePerExponentBucket() {
    OperandPairs p = OperandPairs.stratified(NumberFormat.BFLOAT16, LmulConfig.DEFAULT_SEED);
    OperandPairs.Stratum grid = p.strata().get(0);
    assertEquals("mantissa-grid", grid.name());
    assertEquals(128 * 128 * OperandPairs.EXPONENT_BUCKETS, grid.count());
    int[] perPair = new int[128 * 128];
    for (int i = 0; i < grid.count(); i++) {
      int a = p.a(i);
      int b = p.b(i);
      assertTrue((a & 0x7f80) != 0 && (a & 0x7f80) != 0x7f80, "a normal");
      assertTrue((b & 0x7f80) != 0 && (b & 0x7f80) != 0x7f80, "b normal");
      perPair[(a & 127) << 7 | (b & 127)]++;
    }
    for (int n : perPair) {
      assertEquals(OperandPairs.EXPONENT_BUCKETS, n);
    }
    assertEquals(p.size(), p.strata().stream().mapToInt(OperandPairs.Stratum::count).sum());
  }

  @Test
  void theSampleCoversEveryProductCategory() {
    ProductReference ref =
        ProductReference.of(
            OperandPairs.stratified(NumberFormat.BFLOAT16, LmulConfig.DEFAULT_SEED),
            numevo.dsl.format.Saturation.NONE);
    for (ProductCategory c : ProductCategory.values()) {
      assertTrue(ref.count(c) > 1000, c + ": " + ref.count(c));
    }
  }

  @Test
  void listedPairsRejectCodesOutsideTheFormat() {
    assertThrows(
        IllegalArgumentException.class,
        () -> OperandPairs.of(NumberFormat.E4M3FN, new int[] {256}, new int[] {0}));
    assertThrows(
        IllegalArgumentException.class,
        () -> OperandPairs.of(NumberFormat.E4M3FN, new int[] {1, 2}, new int[] {0}));
    assertThrows(
        IllegalArgumentException.class, () -> OperandPairs.exhaustive(NumberFormat.BFLOAT16));
  }

  private static int[] codes(OperandPairs p) {
    int[] c = new int[2 * p.size()];
    for (int i = 0; i < p.size(); i++) {
      c[2 * i] = p.a(i);
      c[2 * i + 1] = p.b(i);
    }
    return c;
  }
}
