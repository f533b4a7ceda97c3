package numevo.hashing.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CacheConfigTest {

  @Test
  void settingsOutOfRangeAreRejected() {
    CacheConfig d = CacheConfig.DEFAULT;
    assertThrows(IllegalArgumentException.class, () -> d.withMaxEntries(0));
    assertThrows(IllegalArgumentException.class, () -> d.withMaxBytes(0));
    assertThrows(IllegalArgumentException.class, () -> d.withForgetAfterHits(-1));
    assertThrows(IllegalArgumentException.class, () -> d.withAuditFraction(-0.01));
    assertThrows(IllegalArgumentException.class, () -> d.withAuditFraction(1.01));
    assertThrows(IllegalArgumentException.class, () -> d.withAuditFraction(Double.NaN));
  }

  @Test
  void withersChangeOneSetting() {
    CacheConfig c = CacheConfig.DEFAULT.withForgetAfterHits(100).withAuditFraction(1);
    assertEquals(
        CacheConfig.of(
            CacheConfig.DEFAULT.maxEntries(),
            CacheConfig.DEFAULT.maxBytes(),
            100,
            1.0,
            CacheConfig.DEFAULT.auditSeed()),
        c);
  }
}
