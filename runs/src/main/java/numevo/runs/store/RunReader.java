package numevo.runs.store;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import numevo.evolver.search.Stat;
import org.sqlite.SQLiteConfig;

/**
 * Reads a run directory ({@code manifest.json} and the SQLite store {@code run.db}), read-only: the
 * manifest, the {@code meta} table, and the rows of {@code generations}, {@code discoveries} and
 * {@code front}. The counter columns of {@code generations} are {@link Stat}'s, in order. Every
 * problem is a {@link RunReader.RunException} with a one-line message naming the file.
 */
public final class RunReader {

  /** The manifest's file name in a run directory. */
  public static final String MANIFEST = "manifest.json";

  /** The store's file name in a run directory. */
  public static final String DATABASE = "run.db";

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
    if (!Files.exists(dir)) {
      throw new RunException(dir + ": no such run directory", true);
    }
    if (!isRun(dir)) {
      throw new RunException(dir + ": not a run directory (no " + MANIFEST + ")", true);
    }
    if (!Files.isRegularFile(dir.resolve(DATABASE))) {
      throw new RunException(dir + ": not a run directory (no " + DATABASE + ")", true);
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
   * @throws RunException if it is not valid JSON or lacks the target
   */
  public Manifest manifest() {
    Path f = dir.resolve(MANIFEST);
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(f.toFile());
    } catch (JacksonException e) {
      throw new RunException(
          f + ": not valid JSON: " + e.getOriginalMessage().replaceAll("\\R", " "), false);
    } catch (IOException e) {
      throw new RunException(f + ": cannot read: " + e.getMessage(), false);
    }
    if (root == null || !root.isObject()) {
      throw new RunException(f + ": not a JSON object", false);
    }
    JsonNode spec = root.path("spec");
    if (!spec.isObject() || !spec.path("target").isTextual()) {
      throw new RunException(f + ": no spec.target", false);
    }
    Map<String, String> params = new LinkedHashMap<>();
    spec.path("params").properties().forEach(e -> params.put(e.getKey(), text(e.getValue())));
    Map<String, String> options = new LinkedHashMap<>();
    spec.properties().forEach(e -> options.put(e.getKey(), text(e.getValue())));
    JsonNode git = root.path("git");
    return new Manifest(
        root.path("format").asInt(0),
        root.path("numevo").asText(""),
        git.isTextual() ? Optional.of(git.asText()) : Optional.empty(),
        root.path("jdk").asText(""),
        root.path("created_utc").asText(""),
        spec.path("target").asText(),
        params,
        options);
  }

  private static String text(JsonNode n) {
    return n.isValueNode() ? n.asText() : n.toString();
  }

  /** The {@code meta} table, by key. */
  public Map<String, String> meta() {
    return query(
        "SELECT key, value FROM meta",
        rs -> {
          Map<String, String> m = new LinkedHashMap<>();
          while (rs.next()) {
            m.put(rs.getString(1), rs.getString(2));
          }
          return m;
        });
  }

  /** Every row of {@code generations}, by generation. */
  public List<Generation> generations() {
    StringBuilder cols = new StringBuilder("generation");
    for (Stat s : Stat.values()) {
      cols.append(", ").append(s.column());
    }
    cols.append(", front_size, best_error, cache_entries, cache_evictions, digests, elapsed_ms");
    return query(
        "SELECT " + cols + " FROM generations ORDER BY generation",
        rs -> {
          List<Generation> out = new ArrayList<>();
          while (rs.next()) {
            long[] c = new long[Stat.COUNT];
            for (int i = 0; i < c.length; i++) {
              c[i] = rs.getLong(2 + i);
            }
            int k = 2 + Stat.COUNT;
            out.add(
                new Generation(
                    rs.getLong(1),
                    c,
                    rs.getInt(k),
                    real(rs, k + 1),
                    rs.getLong(k + 2),
                    rs.getLong(k + 3),
                    rs.getString(k + 4),
                    rs.getLong(k + 5)));
          }
          return out;
        });
  }

  /** Every row of {@code discoveries}, in insertion order. */
  public List<Discovery> discoveries() {
    return query(
        "SELECT id, generation, island, cost, error, elapsed_ms, kernel FROM discoveries"
            + " ORDER BY id",
        rs -> {
          List<Discovery> out = new ArrayList<>();
          while (rs.next()) {
            out.add(
                new Discovery(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getInt(3),
                    real(rs, 4),
                    real(rs, 5),
                    rs.getLong(6),
                    rs.getString(7)));
          }
          return out;
        });
  }

  /** The run's front, by increasing cost. */
  public List<FrontEntry> front() {
    return query(
        "SELECT position, cost, error, generation, island, kernel FROM front"
            + " ORDER BY cost, position",
        rs -> {
          List<FrontEntry> out = new ArrayList<>();
          while (rs.next()) {
            out.add(
                new FrontEntry(
                    rs.getInt(1),
                    real(rs, 2),
                    real(rs, 3),
                    rs.getLong(4),
                    rs.getInt(5),
                    rs.getString(6)));
          }
          return out;
        });
  }

  /** A REAL column: NULL (how SQLite stores NaN) as NaN. */
  private static double real(ResultSet rs, int column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? Double.NaN : v;
  }

  private interface Rows<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private <T> T query(String sql, Rows<T> rows) {
    Path db = dir.resolve(DATABASE);
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    Properties props = config.toProperties();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db, props);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      return rows.read(rs);
    } catch (SQLException e) {
      String m = e.getMessage() == null ? e.toString() : e.getMessage();
      throw new RunException(db + ": cannot read: " + m.replaceAll("\\R", " "), false);
    }
  }
}
