package numevo.runs.oeis;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What an OEIS pass runs: the collection, the selection, the budget and the parallelism.
 *
 * @param file the stripped-format file ({@code A000045 ,0,1,1,2,...})
 * @param sample how many sequences to take (by the order of {@link OeisSample}); 0 for all
 * @param seed the seed of the sample's order and of every search ({@link #searchSeed})
 * @param budget the time per sequence, all stages together; the search gets what is left
 * @param minTerms the fewest terms of a sequence taken
 * @param holdout the terms held out of each sequence
 * @param jobs sequences worked on at once (they change no verdict, only how long the pass takes)
 */
public record OeisOptions(
    Path file, int sample, long seed, Duration budget, int minTerms, int holdout, int jobs) {

  /** The default time per sequence. */
  public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(30);

  public OeisOptions {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(budget, "budget");
    if (sample < 0 || minTerms < 1 || holdout < 1 || jobs < 1 || budget.isNegative()) {
      throw new IllegalArgumentException("bad OEIS options");
    }
  }

  /** The options. */
  public static OeisOptions of(
      Path file, int sample, long seed, Duration budget, int minTerms, int holdout, int jobs) {
    return new OeisOptions(file, sample, seed, budget, minTerms, holdout, jobs);
  }

  /**
   * What decides the verdicts, as ordered key-value pairs: a resumed pass must have the same ones.
   * The data file counts by its digest (moving it changes nothing); {@code jobs} is left out.
   *
   * @param sha256 the data file's SHA-256
   * @param sequences how many sequences the pass covers
   */
  public Map<String, String> identity(String sha256, int sequences) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("sha256", sha256);
    m.put("sample", sample == 0 ? "all" : Integer.toString(sample));
    m.put("seed", Long.toString(seed));
    m.put("budget", budget.toString());
    m.put("min-terms", Integer.toString(minTerms));
    m.put("holdout", Integer.toString(holdout));
    m.put("sequences", Integer.toString(sequences));
    return m;
  }

  /**
   * The seed of one sequence's search: the first 8 bytes of SHA-256 of {@code "SEED:ID"}, so it
   * does not depend on which sequences run before it or on which thread.
   */
  public static long searchSeed(long seed, String id) {
    byte[] h = Digests.sha256((seed + ":" + id).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    long s = 0;
    for (int i = 0; i < 8; i++) {
      s = (s << 8) | (h[i] & 0xff);
    }
    return s;
  }
}
