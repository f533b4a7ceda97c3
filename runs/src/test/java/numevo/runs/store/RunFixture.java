package numevo.runs.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import numevo.dsl.program.Program;
import numevo.dsl.text.Parser;
import numevo.dsl.text.Printer;
import numevo.evolver.search.Stat;
import numevo.targets.Score;
import numevo.targets.ScoreOptions;
import numevo.targets.Target;
import numevo.targets.TargetParams;
import numevo.targets.Targets;

/**
 * A run directory for tests, written as the run store writes it: an exp2 run of {@value
 * #GENERATIONS} generations whose front holds real exp2 kernels (two hand-made low-degree
 * polynomials and the degree-5 and degree-7 baselines), with errors and costs as the target scores
 * them on its training sample.
 */
public final class RunFixture {
  private RunFixture() {}

  /** Generations in the fixture's run. */
  public static final int GENERATIONS = 60;

  /** A degree-2 polynomial for 2^x on [0, 1): cheap and inaccurate. */
  public static final String DEG2 =
      """
      kernel exp2_deg2 float32
      input x : f
      p1 = fma x 0.3435 0.6565
      p0 = fma x p1 1.0
      output p0
      """;

  /** A degree-3 polynomial for 2^x on [0, 1). */
  public static final String DEG3 =
      """
      kernel exp2_deg3 float32
      input x : f
      p2 = fma x 0.0790 0.2251
      p1 = fma x p2 0.6958
      p0 = fma x p1 1.0
      output p0
      """;

  /** A kernel of the front: its text, and its cost and error on exp2. */
  public record Kernel(String text, double cost, double error) {}

  /** The fixture's front kernels, by increasing cost, as scored on the training sample. */
  public static List<Kernel> kernels() {
    Target t = Targets.resolve("exp2", TargetParams.none());
    List<String> texts = List.of(DEG2, DEG3, baseline("horner5_fma"), baseline("horner7_fma"));
    List<Kernel> out = new ArrayList<>();
    for (String text : texts) {
      Program p = Parser.parse(text, "fixture");
      Score s = t.score(p, ScoreOptions.training(ScoreOptions.DEFAULT_TRAINING_POINTS, 1));
      // As the store holds them: printed, without the baseline files' comments.
      out.add(new Kernel(Printer.print(p), s.cost(), s.error()));
    }
    out.sort(Comparator.comparingDouble(Kernel::cost));
    return out;
  }

  static String baseline(String name) {
    String res = "/numevo/targets/baselines/exp2/" + name + ".kernel";
    try (InputStream in = RunFixture.class.getResourceAsStream(res)) {
      if (in == null) {
        throw new IllegalStateException("no resource " + res);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the run directory {@code dir} (created) and returns it. */
  public static Path write(Path dir) {
    try {
      Files.createDirectories(dir);
      Files.writeString(
          dir.resolve(RunReader.MANIFEST),
          """
          {"format":1, "numevo":"0.1.0", "git":null, "jdk":"25.0.1",
           "created_utc":"2026-12-02T07:00:00Z",
           "spec": {"target":"exp2", "params":{}, "seed":1, "islands":4, "population":100,
                    "time":"PT30S"}}
          """,
          StandardCharsets.UTF_8);
      try (Connection c =
          DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(RunReader.DATABASE))) {
        fill(c);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return dir;
  }

  private static void fill(Connection c) throws SQLException {
    StringBuilder counters = new StringBuilder();
    for (Stat s : Stat.values()) {
      counters.append(s.column()).append(" INTEGER, ");
    }
    try (Statement st = c.createStatement()) {
      st.execute("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT)");
      st.execute(
          "CREATE TABLE generations(generation INTEGER PRIMARY KEY, "
              + counters
              + "front_size INTEGER, best_error REAL, cache_entries INTEGER,"
              + " cache_evictions INTEGER, digests TEXT, elapsed_ms INTEGER)");
      st.execute(
          "CREATE TABLE discoveries(id INTEGER PRIMARY KEY AUTOINCREMENT, generation INTEGER,"
              + " island INTEGER, cost REAL, error REAL, elapsed_ms INTEGER, kernel TEXT)");
      st.execute(
          "CREATE TABLE front(position INTEGER PRIMARY KEY, cost REAL, error REAL,"
              + " generation INTEGER, island INTEGER, kernel TEXT)");
      st.execute(
          "CREATE TABLE checkpoints(generation INTEGER PRIMARY KEY, created_utc TEXT,"
              + " size INTEGER, crc32c TEXT, state BLOB)");
      st.execute(
          "INSERT INTO meta VALUES ('schema_version', '1'), ('status', 'finished'),"
              + " ('stop_reason', 'time limit'), ('generation', '"
              + (GENERATIONS - 1)
              + "')");
    }
    List<Kernel> ks = kernels();
    // Kernel i is discovered at generation FOUND[i]; the front is all of them.
    int[] found = {0, 6, 21, 44};
    try (PreparedStatement d =
            c.prepareStatement(
                "INSERT INTO discoveries(generation, island, cost, error, elapsed_ms, kernel)"
                    + " VALUES (?, ?, ?, ?, ?, ?)");
        PreparedStatement f = c.prepareStatement("INSERT INTO front VALUES (?, ?, ?, ?, ?, ?)")) {
      for (int i = 0; i < ks.size(); i++) {
        Kernel k = ks.get(i);
        // An earlier, worse find of the same structure, then the final one.
        d.setInt(1, found[i]);
        d.setInt(2, i % 4);
        d.setDouble(3, k.cost());
        d.setDouble(4, k.error() * 8);
        d.setLong(5, elapsed(found[i]) - 200);
        d.setString(6, k.text());
        d.executeUpdate();
        d.setInt(1, found[i] + 3);
        d.setDouble(4, k.error());
        d.setLong(5, elapsed(found[i] + 3) - 100);
        d.executeUpdate();
        f.setInt(1, i);
        f.setDouble(2, k.cost());
        f.setDouble(3, k.error());
        f.setInt(4, found[i] + 3);
        f.setInt(5, i % 4);
        f.setString(6, k.text());
        f.executeUpdate();
      }
    }
    String marks = "?, ".repeat(Stat.COUNT + 7);
    try (PreparedStatement g =
        c.prepareStatement(
            "INSERT INTO generations VALUES (" + marks.substring(0, marks.length() - 2) + ")")) {
      for (int gen = 0; gen < GENERATIONS; gen++) {
        long proposed = 400;
        long hits = Math.min(300, 40 + 5L * gen);
        long dups = 20;
        long misses = proposed - hits - dups - 10;
        long uncached = 10;
        long audits = 2;
        long tunings = gen % 5 == 0 ? 8 : 0;
        long[] v = new long[Stat.COUNT];
        v[Stat.PROPOSED.ordinal()] = proposed;
        v[Stat.CACHE_HITS.ordinal()] = hits;
        v[Stat.DUPLICATE_HITS.ordinal()] = dups;
        v[Stat.MISSES.ordinal()] = misses;
        v[Stat.UNCACHED.ordinal()] = uncached;
        v[Stat.AUDITS.ordinal()] = audits;
        v[Stat.SCORED.ordinal()] = misses + uncached + audits;
        v[Stat.INVALID.ordinal()] = 3;
        v[Stat.TUNINGS.ordinal()] = tunings;
        v[Stat.TUNING_IMPROVEMENTS.ordinal()] = tunings / 2;
        v[Stat.TUNING_SCORINGS.ordinal()] = tunings * 60;
        int col = 1;
        g.setInt(col++, gen);
        for (long x : v) {
          g.setLong(col++, x);
        }
        double best = Double.POSITIVE_INFINITY;
        int size = 0;
        for (int i = 0; i < ks.size(); i++) {
          if (gen >= found[i] + 3) {
            best = Math.min(best, ks.get(i).error());
            size++;
          } else if (gen >= found[i]) {
            best = Math.min(best, ks.get(i).error() * 8);
            size++;
          }
        }
        g.setInt(col++, size);
        g.setDouble(col++, best);
        g.setLong(col++, 1000 + 250L * gen);
        g.setLong(col++, 0);
        g.setString(col++, null);
        g.setLong(col, elapsed(gen));
        g.executeUpdate();
      }
    }
  }

  /** Wall time at the end of a generation: slower while tuning, a little slower later on. */
  static long elapsed(int gen) {
    long t = 0;
    for (int g = 0; g <= gen; g++) {
      t += 400 + 3L * g + (g % 5 == 0 ? 300 : 0);
    }
    return t;
  }
}
