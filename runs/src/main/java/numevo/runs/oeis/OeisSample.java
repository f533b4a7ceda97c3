package numevo.runs.oeis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import numevo.targets.seq.SequenceData;

/**
 * Which sequences a pass covers. Every sequence with at least {@code minTerms} terms; with a sample
 * size {@code N > 0}, the first {@code N} of them ordered by the hex MD5 of {@code "SEED:ID"} (then
 * by id), which is the order {@code scripts/seq-sample.sh} uses: the same file, N and seed give the
 * same sample on any machine, and a sequence's place depends on its id alone, not on its line.
 * Without a sample, every such sequence in file order.
 */
public final class OeisSample {
  private OeisSample() {}

  /**
   * The sequences of a pass.
   *
   * @param all the file's sequences
   * @param minTerms the fewest terms taken
   * @param sample how many; 0 for all
   * @param seed the seed of the order
   */
  public static List<SequenceData> select(
      List<SequenceData> all, int minTerms, int sample, long seed) {
    List<SequenceData> eligible = new ArrayList<>();
    for (SequenceData d : all) {
      if (d.size() >= minTerms) {
        eligible.add(d);
      }
    }
    if (sample == 0) {
      return List.copyOf(eligible);
    }
    record Keyed(String key, SequenceData data) {}
    List<Keyed> keyed = new ArrayList<>();
    for (SequenceData d : eligible) {
      keyed.add(
          new Keyed(Digests.md5Hex((seed + ":" + d.id()).getBytes(StandardCharsets.UTF_8)), d));
    }
    keyed.sort(Comparator.comparing(Keyed::key).thenComparing(k -> k.data().id()));
    List<SequenceData> out = new ArrayList<>();
    for (int i = 0; i < Math.min(sample, keyed.size()); i++) {
      out.add(keyed.get(i).data());
    }
    return List.copyOf(out);
  }
}
