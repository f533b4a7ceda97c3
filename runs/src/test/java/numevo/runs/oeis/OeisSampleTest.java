package numevo.runs.oeis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import numevo.targets.seq.SequenceData;
import org.junit.jupiter.api.Test;

class OeisSampleTest {
  private static List<SequenceData> collection() {
    List<SequenceData> all = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      int n = 20 + i % 20;
      List<BigInteger> t = new ArrayList<>();
      for (int j = 0; j < n; j++) {
        t.add(BigInteger.valueOf(j * (long) i));
      }
      all.add(SequenceData.of(String.format("A%06d", i), 0, t));
    }
    return all;
  }

  private static List<String> ids(List<SequenceData> s) {
    return s.stream().map(SequenceData::id).toList();
  }

  @Test
  void theSampleDependsOnTheSeedAndIdsNotOnTheFileOrder() {
    List<SequenceData> all = collection();
    List<SequenceData> shuffled = new ArrayList<>(all);
    Collections.shuffle(shuffled, new Random(7));
    List<String> a = ids(OeisSample.select(all, 30, 25, 1));
    assertEquals(a, ids(OeisSample.select(shuffled, 30, 25, 1)));
    assertEquals(25, a.size());
    assertEquals(
        a.subList(0, 10), ids(OeisSample.select(all, 30, 10, 1)), "a smaller sample is a prefix");
    assertNotEquals(a, ids(OeisSample.select(all, 30, 25, 2)));
    for (SequenceData d : OeisSample.select(all, 30, 25, 1)) {
      assertEquals(true, d.size() >= 30, d.id());
    }
  }

  @Test
  void theOrderIsTheMd5OfSeedColonIdAsInSeqSampleSh() {
    // printf '1:A000045' | md5sum -> b3d4...; the order compares the hex digests.
    List<SequenceData> two =
        List.of(
            SequenceData.of("A000045", 0, List.of(BigInteger.ONE)),
            SequenceData.of("A000108", 0, List.of(BigInteger.ONE)));
    String a = Digests.md5Hex("1:A000045".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    String b = Digests.md5Hex("1:A000108".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    List<String> expected =
        a.compareTo(b) < 0 ? List.of("A000045", "A000108") : List.of("A000108", "A000045");
    assertEquals(expected, ids(OeisSample.select(two, 1, 2, 1)));
  }

  @Test
  void everySequenceHasAFixedSearchSeed() {
    assertEquals(OeisOptions.searchSeed(1, "A000045"), OeisOptions.searchSeed(1, "A000045"));
    assertNotEquals(OeisOptions.searchSeed(1, "A000045"), OeisOptions.searchSeed(2, "A000045"));
    assertNotEquals(OeisOptions.searchSeed(1, "A000045"), OeisOptions.searchSeed(1, "A000108"));
  }
}
