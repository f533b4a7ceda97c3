package numevo.hashing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class Mix128Test {

  private static Hash128 hash(long[] words) {
    Mix128 m = new Mix128(1, 2);
    for (long w : words) {
      m.add(w);
    }
    return m.finish();
  }

  @Property(tries = 300, seed = "1400")
  void flippingAnyBitOfAnyWordChangesBothHalves(
      @ForAll @Size(min = 1, max = 40) long[] words,
      @ForAll @IntRange(min = 0, max = 39) int at,
      @ForAll @IntRange(min = 0, max = 63) int bit) {
    Hash128 before = hash(words);
    words[at % words.length] ^= 1L << bit;
    Hash128 after = hash(words);
    assertNotEquals(before.hi(), after.hi());
    assertNotEquals(before.lo(), after.lo());
  }

  @Test
  void aFlippedInputBitFlipsAboutHalfTheOutputBits() {
    // Avalanche: over many single-bit flips the mean Hamming distance is near 64 of 128.
    long total = 0;
    int trials = 0;
    for (int w = 0; w < 16; w++) {
      for (int bit = 0; bit < 64; bit++) {
        long[] words = new long[16];
        for (int k = 0; k < 16; k++) {
          words[k] = k * 0x9e37_79b9_7f4a_7c15L;
        }
        Hash128 a = hash(words);
        words[w] ^= 1L << bit;
        Hash128 b = hash(words);
        total += Long.bitCount(a.hi() ^ b.hi()) + Long.bitCount(a.lo() ^ b.lo());
        trials++;
      }
    }
    double mean = (double) total / trials;
    assertTrue(mean > 62 && mean < 66, "mean flipped bits " + mean);
  }

  @Test
  void manySmallInputsGiveDistinctHashes() {
    Set<Hash128> seen = new HashSet<>();
    Set<Long> hiSeen = new HashSet<>();
    for (long i = 0; i < 200_000; i++) {
      Hash128 h = hash(new long[] {i & 0xff, i >>> 8});
      seen.add(h);
      hiSeen.add(h.hi());
    }
    assertEquals(200_000, seen.size());
    assertEquals(200_000, hiSeen.size());
  }

  @Property(tries = 300, seed = "1401")
  void bulkFeedingEqualsFeedingWordByWord(
      @ForAll @Size(max = 40) long[] words, @ForAll @IntRange(min = 0, max = 7) int before) {
    Mix128 one = new Mix128(3, 4);
    Mix128 bulk = new Mix128(3, 4);
    // A few single words first, so the bulk path starts at every lane alignment.
    for (int i = 0; i < before; i++) {
      one.add(i);
      bulk.add(i);
    }
    for (long w : words) {
      one.add(w);
    }
    bulk.addAll(words, words.length);
    assertEquals(one.finish(), bulk.finish());
  }

  @Test
  void lengthIsMixedIn() {
    assertNotEquals(hash(new long[] {}), hash(new long[] {0}));
    assertNotEquals(hash(new long[] {0}), hash(new long[] {0, 0}));
  }
}
