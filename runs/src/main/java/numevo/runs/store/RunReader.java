package numevo.runs.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import numevo.evolver.search.Stat;
import numevo.runs.cli.UserError;

/**
 * Reads a run directory ({@code manifest.json} and the SQLite store {@code run.db}) for the report
 * and export, through {@link RunDir} and {@link RunDb} (the one definition of the store's files),
 * read-only: the manifest, the {@code meta} table, and the rows of {@code generations}, {@code
 * discoveries} and {@code front}. The counter columns of {@code generations} are {@link Stat}'s, in
 * order. Every problem is a {@link RunReader.RunException} with a one-line message naming the file.
 */
public final class RunReader {

  /** The manifest's file name in a run directory. */
  public static final String MANIFEST = RunDir.MANIFEST;

  /** The store's file name in a run directory. */
  public static final String DATABASE = RunDir.DATABASE;

  private final Path dir;

  private RunReader(Path dir) {
    this.dir = dir;
  }

  /** Whether {@code path} is a run directory: a directory holding a manifest. */
  public static boolean isRun(Path path) {
    return Files.isDirectory(path) && Files.isRegularFile(path.resolve(MANIFEST));
  }

  /**
   * A reader of the run directory {@code dir}.
   *
   * @throws RunException ({@link RunException#notARun()}) if it is not a run directory
   */
  public static RunReader open(Path dir) {
    Objects.requireNonNull(dir, "dir");
    try {
      RunDir.open(dir);
    } catch (UserError e) {
      throw new RunException(e.getMessage(), e.exitCode() == 2);
    }
    return new RunReader(dir);
  }

  /** The run directory. */
  public Path dir() {
    return dir;
  }

  /**
   * A failure to read a run: not a run directory (the user named the wrong thing) or a run whose
   * files cannot be read (corrupt or foreign data).
   */
  public static final class RunException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean notARun;

    RunException(String message, boolean notARun) {
      super(message, null, false, false);
      this.notARun = notARun;
    }

    /** True if the path is not a run directory at all; false if a run's files are unreadable. */
    public boolean notARun() {
      return notARun;
    }
  }

  /**
   * The manifest.
   *
   * @param format the manifest format (1)
   * @param numevo the numevo version that made the run
   * @param git its commit, if known
   * @param jdk the JDK version
   * @param createdUtc when the run started, ISO-8601
   * @param target the target's name (or target file)
   * @param params the target's parameters (seq data), by key
   * @param spec every search option of the manifest's {@code spec}, as JSON text values, in order
   */
  public record Manifest(
      int format,
      String numevo,
      Optional<String> git,
      String jdk,
      String createdUtc,
      String target,
      Map<String, String> params,
      Map<String, String> spec) {
    public Manifest {
      params = Map.copyOf(params);
      spec = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(spec));
    }
  }

  /**
   * One row of {@code generations}.
   *
   * @param generation the generation number
   * @param counters the counters, indexed by {@link Stat#ordinal()}
   * @param frontSize the run's front size at its end
   * @param bestError the smallest error so far (NaN if none)
   * @param cacheEntries entries of the caches
   * @param cacheEvictions evictions so far
   * @param digests the generation's digests, if any
   * @param elapsedMs wall time since the run's start when the generation ended
   */
  public record Generation(
      long generation,
      long[] counters,
      int frontSize,
      double bestError,
      long cacheEntries,
      long cacheEvictions,
      String digests,
      long elapsedMs) {
    public Generation {
      counters = counters.clone();
      if (counters.length != Stat.COUNT) {
        throw new IllegalArgumentException("expected " + Stat.COUNT + " counters");
      }
    }

    /** One counter. */
    public long count(Stat s) {
      return counters[s.ordinal()];
    }

    @Override
    public long[] counters() {
      return counters.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Generation g
          && generation == g.generation
          && java.util.Arrays.equals(counters, g.counters)
          && frontSize == g.frontSize
          && Double.compare(bestError, g.bestError) == 0
          && cacheEntries == g.cacheEntries
          && cacheEvictions == g.cacheEvictions
          && Objects.equals(digests, g.digests)
          && elapsedMs == g.elapsedMs;
    }

    @Override
    public int hashCode() {
      return Long.hashCode(generation) * 31 + java.util.Arrays.hashCode(counters);
    }

    @Override
    public String toString() {
      return "Generation[" + generation + ", " + java.util.Arrays.toString(counters) + "]";
    }
  }

  /**
   * One row of {@code discoveries}: a kernel that entered the run's front.
   *
   * @param kernel its DSL text
   */
  public record Discovery(
      long id,
      long generation,
      int island,
      double cost,
      double error,
      long elapsedMs,
      String kernel) {}

  /**
   * One row of {@code front}: the run's Pareto front now, by increasing cost.
   *
   * @param kernel its DSL text
   */
  public record FrontEntry(
      int position, double cost, double error, long generation, int island, String kernel) {}

  /**
   * Reads the manifest.
   *
   * @throws RunException if it is not a manifest this numevo reads
   */
  public Manifest manifest() {
    numevo.runs.store.Manifest m = read(() -> new RunDir(dir).manifest());
    JsonNode spec = RunDir.JSON.valueToTree(m.spec());
    Map<String, String> options = new LinkedHashMap<>();
    spec.properties().forEach(e -> options.put(e.getKey(), text(e.getValue())));
    return new Manifest(
        m.format(),
        m.numevo(),
        Optional.ofNullable(m.git()),
        m.jdk(),
        m.createdUtc(),
        m.spec().target(),
        m.spec().params(),
        options);
  }

  private static String text(JsonNode n) {
    return n.isValueNode() ? n.asText() : n.toString();
  }

  /** The {@code meta} table, by key. */
  public Map<String, String> meta() {
    return withDb(RunDb::meta);
  }

  /** Every row of {@code generations}, by generation. */
  public List<Generation> generations() {
    List<String> cols = numevo.evolver.search.GenerationStats.columns();
    int front = cols.indexOf("front_size");
    int best = cols.indexOf("best_error");
    int entries = cols.indexOf("cache_entries");
    int evictions = cols.indexOf("cache_evictions");
    List<Generation> out = new ArrayList<>();
    for (GenerationRow r : withDb(RunDb::generations)) {
      long[] c = new long[Stat.COUNT];
      for (Stat st : Stat.values()) {
        c[st.ordinal()] = r.get(st);
      }
      List<String> v = r.values();
      out.add(
          new Generation(
              r.generation(),
              c,
              Integer.parseInt(v.get(front)),
              Double.parseDouble(v.get(best)),
              Long.parseLong(v.get(entries)),
              Long.parseLong(v.get(evictions)),
              r.digests(),
              r.elapsedMs()));
    }
    return out;
  }

  /** Every row of {@code discoveries}, in insertion order. */
  public List<Discovery> discoveries() {
    List<Discovery> out = new ArrayList<>();
    long id = 1;
    for (RunDb.Discovery d : withDb(RunDb::discoveries)) {
      out.add(
          new Discovery(
              id++, d.generation(), d.island(), d.cost(), d.error(), d.elapsedMs(), d.kernel()));
    }
    return out;
  }

  /**
   * The run's ranked front ({@code numevo.evolver.rank.FrontRanker}), by increasing cost, each
   * kernel's error its check (exhaustive where verified; generation and island -1); empty if the
   * run was not ranked.
   */
  public List<FrontEntry> rankedFront() {
    List<FrontEntry> out = new ArrayList<>();
    int position = 0;
    for (RunDb.RankedRow r : withDb(RunDb::ranked)) {
      out.add(new FrontEntry(position++, r.cost(), r.error(), -1, -1, r.kernel()));
    }
    return out;
  }

  /** The ranked front if the run was ranked, else the front. */
  public List<FrontEntry> shownFront() {
    List<FrontEntry> ranked = rankedFront();
    return ranked.isEmpty() ? front() : ranked;
  }

  /** The run's front, by increasing cost. */
  public List<FrontEntry> front() {
    List<FrontEntry> out = new ArrayList<>();
    int position = 0;
    for (RunDb.FrontRow f : withDb(RunDb::front)) {
      out.add(
          new FrontEntry(position++, f.cost(), f.error(), f.generation(), f.island(), f.kernel()));
    }
    return out;
  }

  private <T> T withDb(java.util.function.Function<RunDb, T> read) {
    return read(
        () -> {
          try (RunDb db = RunDb.open(dir.resolve(DATABASE), true)) {
            return read.apply(db);
          }
        });
  }

  /** Runs a read, turning the store's one-line errors into {@link RunException}s. */
  private static <T> T read(java.util.function.Supplier<T> read) {
    try {
      return read.get();
    } catch (UserError e) {
      throw new RunException(e.getMessage(), e.exitCode() == 2);
    }
  }
}
