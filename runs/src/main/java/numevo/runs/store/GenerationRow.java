package numevo.runs.store;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import numevo.evolver.search.GenerationStats;
import numevo.evolver.search.Stat;

/**
 * A generation's row in the store: its deterministic values (those a replay compares) and the wall
 * time at which it ended (which no comparison looks at).
 *
 * @param values the values of {@link GenerationStats#columns()}, in order, as text (copied)
 * @param digests each island's population digest, in island order, as 16 hex digits each,
 *     comma-separated
 * @param elapsedMs wall time since the run started, accumulated over resumes
 */
public record GenerationRow(List<String> values, String digests, long elapsedMs) {

  /** Copies the values. */
  public GenerationRow {
    values = List.copyOf(values);
  }

  /** The row of a generation's statistics. */
  public static GenerationRow of(GenerationStats s, long elapsedMs) {
    return new GenerationRow(s.row(), digests(s.populationDigests()), elapsedMs);
  }

  /** The digests as the store writes them. */
  public static String digests(List<Long> digests) {
    List<String> hex = new ArrayList<>();
    for (long d : digests) {
      hex.add(HexFormat.of().toHexDigits(d));
    }
    return String.join(",", hex);
  }

  /** The generation. */
  public long generation() {
    return Long.parseLong(values.get(0));
  }

  /** A counter's value. */
  public long get(Stat s) {
    return Long.parseLong(values.get(1 + s.ordinal()));
  }

  /** The best error on the front after this generation. */
  public double bestError() {
    return Double.parseDouble(values.get(GenerationStats.columns().indexOf("best_error")));
  }

  /**
   * How this row differs from {@code other} in what a replay compares: null if not at all, else
   * which column or island digest and the two values.
   */
  public String difference(GenerationRow other) {
    List<String> cols = GenerationStats.columns();
    for (int i = 0; i < cols.size(); i++) {
      if (!values.get(i).equals(other.values.get(i))) {
        return cols.get(i) + " " + values.get(i) + " vs " + other.values.get(i);
      }
    }
    if (!digests.equals(other.digests)) {
      String[] a = digests.split(",");
      String[] b = other.digests.split(",");
      for (int i = 0; i < Math.min(a.length, b.length); i++) {
        if (!a[i].equals(b[i])) {
          return "island " + i + "'s population (digest " + a[i] + " vs " + b[i] + ")";
        }
      }
      return "the number of islands (" + a.length + " vs " + b.length + ")";
    }
    return null;
  }
}
