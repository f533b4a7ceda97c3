package numevo.dsl.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Close spellings for an unknown word, for "did you mean" hints. */
final class Suggestions {
  private Suggestions() {}

  /**
   * @return up to three of {@code options} within edit distance 2 of {@code word} (1 for words of
   *     up to three letters) or starting with it, closest first
   */
  static List<String> close(String word, Collection<String> options) {
    if (word.length() > 30) {
      return List.of();
    }
    int limit = word.length() <= 3 ? 1 : 2;
    record Scored(String option, int distance) {}
    List<Scored> scored = new ArrayList<>();
    for (String o : options) {
      int d = distance(word, o);
      if (d <= limit || (word.length() >= 2 && o.startsWith(word))) {
        scored.add(new Scored(o, d));
      }
    }
    scored.sort(Comparator.comparingInt(Scored::distance).thenComparing(Scored::option));
    return scored.stream().limit(3).map(Scored::option).toList();
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(substitute, Math.min(prev[j], cur[j - 1]) + 1);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
