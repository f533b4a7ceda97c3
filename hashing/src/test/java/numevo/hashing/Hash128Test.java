package numevo.hashing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class Hash128Test {

  @Test
  void textIsThirtyTwoHexDigitsHighWordFirst() {
    Hash128 h = Hash128.of(0x0123_4567_89ab_cdefL, -1L);
    assertEquals("0123456789abcdefffffffffffffffff", h.toString());
    assertThrows(IllegalArgumentException.class, () -> Hash128.parse("abc"));
    assertThrows(IllegalArgumentException.class, () -> Hash128.parse("g".repeat(32)));
  }

  @Test
  void orderIsUnsignedLikeTheText() {
    Hash128 small = Hash128.of(1, 0);
    Hash128 big = Hash128.of(-1, 0);
    assertTrue(small.compareTo(big) < 0);
    assertTrue(small.toString().compareTo(big.toString()) < 0);
  }

  @Property(tries = 500, seed = "1500")
  void parseInvertsToString(@ForAll long hi, @ForAll long lo) {
    Hash128 h = Hash128.of(hi, lo);
    assertEquals(h, Hash128.parse(h.toString()));
    assertEquals(h, Hash128.parse(h.toString().toUpperCase(java.util.Locale.ROOT)));
  }
}
