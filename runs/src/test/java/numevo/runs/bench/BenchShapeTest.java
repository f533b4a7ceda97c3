package numevo.runs.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link BenchShape}: its text form reads back, and anything else is refused with a message. */
class BenchShapeTest {
  @Test
  void batchAndCallReadBackFromTheirText() {
    for (BenchShape s :
        new BenchShape[] {
          BenchShape.of(false, 1024), BenchShape.of(true, 4096), BenchShape.of(false, 1)
        }) {
      assertEquals(s, BenchShape.parse(s.toString()));
    }
    assertEquals(BenchShape.of(true, 1024), BenchShape.parse("call:1024"));
  }

  @Test
  void otherTextIsRefusedSayingWhatIsExpected() {
    for (String bad :
        new String[] {"", "batch", "batch:", "batch:0", "call:-1", "loop:8", "call:x"}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> BenchShape.parse(bad), bad);
      assertTrue(e.getMessage().contains("batch:N or call:N"), e.getMessage());
    }
    assertThrows(
        IllegalArgumentException.class, () -> BenchShape.of(false, BenchShape.MAX_POINTS + 1));
  }
}
