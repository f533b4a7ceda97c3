package numevo.runs.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import numevo.dsl.program.Program;
import numevo.dsl.text.Printer;
import numevo.evolver.fitness.FrontEntry;
import numevo.evolver.search.GenerationStats;
import numevo.runs.cli.UserError;

/**
 * A run's SQLite store ({@code run.db}, WAL journal, one writer; checkpoints committed to the disk,
 * generation rows between them to the operating system): one row per generation, every kernel that
 * entered the front, the front itself and the checkpoints (saved search states with their CRC-32C).
 * Each write is one transaction, so a kill at any moment leaves every committed generation and the
 * last committed checkpoint. Every SQLite failure becomes a one-line {@link UserError} naming the
 * file: a corrupt or truncated database, a full disk.
 */
public final class RunDb implements AutoCloseable {
  /** The schema this numevo writes and reads. */
  public static final int SCHEMA = 1;

  /**
   * Checkpoints kept: the newest two (a damaged newest one is reported, never skipped silently).
   */
  private static final int KEEP_CHECKPOINTS = 2;

  /**
   * For tests only: the system property (or environment variable {@code NUMEVO_TEST_MAX_DB_PAGES})
   * that limits a store opened for writing to this many pages, to simulate a full disk.
   */
  static final String MAX_PAGES = "numevo.test.maxDbPages";

  private static final String NOT_STARTED =
      "no store yet: the run was stopped before its first generation (numevo resume starts it)";

  private final Path file;
  private final Connection db;

  private RunDb(Path file, Connection db) {
    this.file = file;
    this.db = db;
  }

  /** A checkpoint: a saved search state. */
  public record Checkpoint(long generation, byte[] state) {}

  /** A kernel that entered the front. */
  public record Discovery(
      long generation, int island, double cost, double error, long elapsedMs, String kernel) {}

  /** A kernel of the stored front. */
  public record FrontRow(double cost, double error, long generation, int island, String kernel) {}

  /**
   * A row of the ranked front ({@code numevo.evolver.rank.FrontRanker}).
   *
   * @param cost the cost the search recorded
   * @param trainError the error on the search's training sample (after re-tuning)
   * @param error the checked error the kernel is ranked by
   * @param method {@code exhaustive} or {@code sampled}
   * @param points the check's points
   * @param kernel the kernel (canonical text)
   */
  public record RankedRow(
      double cost, double trainError, double error, String method, long points, String kernel) {}

  /** Creates the store of a new run. */
  public static RunDb create(Path file) {
    RunDb r = connect(file, false);
    r.initialize();
    return r;
  }

  /** Creates the tables and the first meta values, in one transaction. */
  private void initialize() {
    RunDb r = this;
    r.write(
        () -> {
          try (Statement s = r.db.createStatement()) {
            s.executeUpdate("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            StringBuilder g = new StringBuilder("CREATE TABLE generations(");
            for (String c : GenerationStats.columns()) {
              g.append(c)
                  .append(c.equals("generation") ? " INTEGER PRIMARY KEY" : "")
                  .append(c.equals("best_error") ? " REAL NOT NULL" : "")
                  .append(
                      !c.equals("generation") && !c.equals("best_error") ? " INTEGER NOT NULL" : "")
                  .append(", ");
            }
            g.append("digests TEXT NOT NULL, elapsed_ms INTEGER NOT NULL)");
            s.executeUpdate(g.toString());
            s.executeUpdate(
                "CREATE TABLE discoveries(id INTEGER PRIMARY KEY AUTOINCREMENT, generation INTEGER"
                    + " NOT NULL, island INTEGER NOT NULL, cost REAL NOT NULL, error REAL NOT NULL,"
                    + " elapsed_ms INTEGER NOT NULL, kernel TEXT NOT NULL)");
            s.executeUpdate(
                "CREATE TABLE front(position INTEGER PRIMARY KEY, cost REAL NOT NULL, error REAL"
                    + " NOT NULL, generation INTEGER NOT NULL, island INTEGER NOT NULL, kernel TEXT"
                    + " NOT NULL)");
            s.executeUpdate(
                "CREATE TABLE checkpoints(generation INTEGER PRIMARY KEY, created_utc TEXT NOT NULL,"
                    + " size INTEGER NOT NULL, crc32c TEXT NOT NULL, state BLOB NOT NULL)");
          }
          r.putMeta("schema_version", Integer.toString(SCHEMA));
          r.putMeta("status", "running");
          r.putMeta("generation", "0");
        });
  }

  /**
   * Whether nothing was ever committed to the store: a run killed after it wrote its manifest and
   * before its store's tables were committed.
   */
  private boolean empty() throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master")) {
      return rs.next() && rs.getLong(1) == 0;
    }
  }

  /**
   * Opens the store of an existing run, checking its integrity and schema.
   *
   * @param readOnly whether to open it for reading only
   */
  public static RunDb open(Path file, boolean readOnly) {
    if (!Files.isRegularFile(file)) {
      if (!readOnly) {
        // The run was killed before it created its store: it starts from generation 0.
        return create(file);
      }
      throw new UserError(file + ": " + NOT_STARTED, 1);
    }
    RunDb r = connect(file, readOnly);
    boolean empty;
    try (Statement s = r.db.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
      String verdict = rs.next() ? rs.getString(1) : "no answer";
      if (!"ok".equals(verdict)) {
        r.close();
        // SQLite lists the damage over several lines: the message is one line.
        String one = verdict.replace("*** in database main ***", "").strip();
        one = one.replaceAll("\\s*\\R\\s*", "; ");
        throw new UserError(
            file
                + ": the run store is corrupt ("
                + (one.length() > 160 ? one.substring(0, 160) + "..." : one)
                + ")",
            1);
      }
      empty = r.empty();
    } catch (SQLException e) {
      r.close();
      throw r.failure("read", e);
    }
    if (empty) {
      if (!readOnly) {
        r.initialize();
        return r;
      }
      r.close();
      throw new UserError(file + ": " + NOT_STARTED, 1);
    }
    String schema = r.meta("schema_version").orElse(null);
    if (schema == null) {
      r.close();
      throw new UserError(file + ": not a numevo run store (no schema version)", 1);
    }
    int v;
    try {
      v = Integer.parseInt(schema);
    } catch (NumberFormatException e) {
      r.close();
      throw new UserError(file + ": bad schema version '" + schema + "'", 1);
    }
    if (v > SCHEMA) {
      r.close();
      throw new UserError(
          file + ": written by a newer numevo (store schema " + v + ", this reads " + SCHEMA + ")",
          1);
    }
    return r;
  }

  private static RunDb connect(Path file, boolean readOnly) {
    try {
      org.sqlite.SQLiteConfig c = new org.sqlite.SQLiteConfig();
      c.setReadOnly(readOnly);
      c.setBusyTimeout(10_000);
      if (!readOnly) {
        c.setJournalMode(org.sqlite.SQLiteConfig.JournalMode.WAL);
        c.setSynchronous(org.sqlite.SQLiteConfig.SynchronousMode.NORMAL);
      }
      Connection conn = DriverManager.getConnection("jdbc:sqlite:" + file, c.toProperties());
      conn.setAutoCommit(false);
      RunDb r = new RunDb(file, conn);
      String maxPages = System.getProperty(MAX_PAGES, System.getenv("NUMEVO_TEST_MAX_DB_PAGES"));
      if (!readOnly && maxPages != null && !maxPages.isBlank()) {
        r.limitPages(Long.parseLong(maxPages.strip()));
      }
      return r;
    } catch (SQLException e) {
      throw failure(file, "open", e);
    }
  }

  /**
   * Whether the next transactions wait for the disk (FULL) or only for the operating system
   * (NORMAL). In WAL mode both survive a killed process; NORMAL may lose the last transactions,
   * never consistency, if the machine itself goes down. Checkpoints are written FULL; generation
   * rows between them NORMAL (a resume recomputes them from the checkpoint anyway).
   */
  private void synchronous(boolean full) {
    try {
      db.commit();
      db.setAutoCommit(true);
      try (Statement s = db.createStatement()) {
        s.execute("PRAGMA synchronous = " + (full ? "FULL" : "NORMAL"));
      }
      db.setAutoCommit(false);
    } catch (SQLException e) {
      throw failure("write", e);
    }
  }

  /** Limits the database to {@code pages} pages (to simulate a full disk in tests). */
  void limitPages(long pages) {
    try (Statement s = db.createStatement()) {
      s.execute("PRAGMA max_page_count = " + pages);
    } catch (SQLException e) {
      throw failure("write", e);
    }
  }

  private interface Work {
    void run() throws SQLException;
  }

  /** Runs {@code w} as one transaction. */
  private void write(Work w) {
    try {
      w.run();
      db.commit();
    } catch (SQLException e) {
      try {
        db.rollback();
      } catch (SQLException ignored) {
        // The failure below is what the user needs to know.
      }
      throw failure("write", e);
    }
  }

  private UserError failure(String what, SQLException e) {
    return failure(file, what, e);
  }

  private static UserError failure(Path file, String what, SQLException e) {
    String m = oneLine(e);
    String lower = m.toLowerCase(java.util.Locale.ROOT);
    if (lower.contains("full")) {
      return new UserError(
          file + ": cannot " + what + " the run store: the disk is full (" + m + ")", 1);
    }
    if (lower.contains("malformed")
        || lower.contains("not a database")
        || lower.contains("corrupt")) {
      return new UserError(file + ": the run store is corrupt (" + m + ")", 1);
    }
    return new UserError(file + ": cannot " + what + " the run store: " + m, 1);
  }

  private static String oneLine(SQLException e) {
    String m = e.getMessage() == null ? e.toString() : e.getMessage();
    return m.replaceAll("\\R", " ");
  }

  private void putMeta(String key, String value) throws SQLException {
    try (PreparedStatement p =
        db.prepareStatement("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)")) {
      p.setString(1, key);
      p.setString(2, value);
      p.executeUpdate();
    }
  }

  /** A meta value. */
  public Optional<String> meta(String key) {
    try (PreparedStatement p = db.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
      p.setString(1, key);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failure("read", e);
    }
  }

  /** Every meta value, by key. */
  public java.util.Map<String, String> meta() {
    java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("SELECT key, value FROM meta ORDER BY key")) {
      while (rs.next()) {
        m.put(rs.getString(1), rs.getString(2));
      }
    } catch (SQLException e) {
      throw failure("read", e);
    }
    return m;
  }

  /** Sets the run's status and stop reason, in one transaction. */
  public void status(RunStatus status, String stopReason) {
    write(
        () -> {
          putMeta("status", status.word());
          putMeta("stop_reason", stopReason == null ? "" : stopReason);
          putMeta("updated_utc", Instant.now().toString());
        });
  }

  /**
   * Appends generations and discoveries and, if {@code state} is not null, a checkpoint and the
   * front at it, all in one transaction.
   *
   * @param rows the generations, in order, after the last stored one
   * @param found the kernels that entered the front in them
   * @param checkpointGeneration the generation of {@code state}
   * @param state a saved search state, or null
   * @param front the front at {@code checkpointGeneration}, or null
   */
  public void append(
      List<GenerationRow> rows,
      List<Discovery> found,
      long checkpointGeneration,
      byte[] state,
      List<FrontEntry> front) {
    synchronous(state != null);
    write(
        () -> {
          if (!rows.isEmpty()) {
            List<String> cols = GenerationStats.columns();
            StringBuilder sql = new StringBuilder("INSERT INTO generations(");
            sql.append(String.join(", ", cols)).append(", digests, elapsed_ms) VALUES (");
            sql.append("?, ".repeat(cols.size() + 1)).append("?)");
            int best = cols.indexOf("best_error");
            try (PreparedStatement p = db.prepareStatement(sql.toString())) {
              for (GenerationRow r : rows) {
                for (int i = 0; i < cols.size(); i++) {
                  if (i == best) {
                    p.setDouble(i + 1, Double.parseDouble(r.values().get(i)));
                  } else {
                    p.setLong(i + 1, Long.parseLong(r.values().get(i)));
                  }
                }
                p.setString(cols.size() + 1, r.digests());
                p.setLong(cols.size() + 2, r.elapsedMs());
                p.addBatch();
              }
              p.executeBatch();
            }
            putMeta("generation", Long.toString(rows.get(rows.size() - 1).generation()));
          }
          if (!found.isEmpty()) {
            try (PreparedStatement p =
                db.prepareStatement(
                    "INSERT INTO discoveries(generation, island, cost, error, elapsed_ms, kernel)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")) {
              for (Discovery d : found) {
                p.setLong(1, d.generation());
                p.setInt(2, d.island());
                p.setDouble(3, d.cost());
                p.setDouble(4, d.error());
                p.setLong(5, d.elapsedMs());
                p.setString(6, d.kernel());
                p.addBatch();
              }
              p.executeBatch();
            }
          }
          if (state != null) {
            try (PreparedStatement p =
                db.prepareStatement(
                    "INSERT OR REPLACE INTO checkpoints(generation, created_utc, size, crc32c,"
                        + " state) VALUES (?, ?, ?, ?, ?)")) {
              p.setLong(1, checkpointGeneration);
              p.setString(2, Instant.now().toString());
              p.setLong(3, state.length);
              p.setString(4, checksum(state));
              p.setBytes(5, state);
              p.executeUpdate();
            }
            try (PreparedStatement p =
                db.prepareStatement(
                    "DELETE FROM checkpoints WHERE generation NOT IN (SELECT generation FROM"
                        + " checkpoints ORDER BY generation DESC LIMIT "
                        + KEEP_CHECKPOINTS
                        + ")")) {
              p.executeUpdate();
            }
            replaceFront(front);
            putMeta("front_generation", Long.toString(checkpointGeneration));
          }
        });
  }

  private void replaceFront(List<FrontEntry> front) throws SQLException {
    try (Statement s = db.createStatement()) {
      s.executeUpdate("DELETE FROM front");
    }
    try (PreparedStatement p =
        db.prepareStatement(
            "INSERT INTO front(position, cost, error, generation, island, kernel) VALUES (?, ?, ?,"
                + " ?, ?, ?)")) {
      int i = 0;
      for (FrontEntry e : front) {
        p.setInt(1, i++);
        p.setDouble(2, e.fitness().cost());
        p.setDouble(3, e.fitness().error());
        p.setLong(4, e.generation());
        p.setInt(5, e.island());
        p.setString(6, Printer.print(e.program()));
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  /**
   * Replaces the stored front (the final one, when a search stops between checkpoints).
   *
   * @param generation the generation it is the front after
   */
  public void front(List<FrontEntry> front, long generation) {
    write(
        () -> {
          replaceFront(front);
          putMeta("front_generation", Long.toString(generation));
        });
  }

  /**
   * The newest checkpoint whose bytes match their digest.
   *
   * @throws UserError if a checkpoint's bytes do not match its digest (the store is damaged)
   */
  public Optional<Checkpoint> lastCheckpoint() {
    try (Statement s = db.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT generation, crc32c, state FROM checkpoints ORDER BY generation DESC"
                    + " LIMIT 1")) {
      if (!rs.next()) {
        return Optional.empty();
      }
      long g = rs.getLong(1);
      String sha = rs.getString(2);
      byte[] state = rs.getBytes(3);
      if (state == null || !checksum(state).equals(sha)) {
        throw new UserError(
            file + ": the checkpoint of generation " + g + " is corrupt (digest mismatch)", 1);
      }
      return Optional.of(new Checkpoint(g, state));
    } catch (SQLException e) {
      throw failure("read", e);
    }
  }

  /** The stored generations, in order. */
  public List<GenerationRow> generations() {
    List<String> cols = GenerationStats.columns();
    int best = cols.indexOf("best_error");
    List<GenerationRow> out = new ArrayList<>();
    try (Statement s = db.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT "
                    + String.join(", ", cols)
                    + ", digests, elapsed_ms FROM generations ORDER BY generation")) {
      while (rs.next()) {
        List<String> v = new ArrayList<>(cols.size());
        for (int i = 0; i < cols.size(); i++) {
          v.add(
              i == best ? Double.toString(rs.getDouble(i + 1)) : Long.toString(rs.getLong(i + 1)));
        }
        out.add(new GenerationRow(v, rs.getString(cols.size() + 1), rs.getLong(cols.size() + 2)));
      }
    } catch (SQLException e) {
      throw failure("read", e);
    }
    return out;
  }

  /** The kernels that entered the front, in order. */
  public List<Discovery> discoveries() {
    List<Discovery> out = new ArrayList<>();
    try (Statement s = db.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT generation, island, cost, error, elapsed_ms, kernel FROM discoveries"
                    + " ORDER BY id")) {
      while (rs.next()) {
        out.add(
            new Discovery(
                rs.getLong(1),
                rs.getInt(2),
                rs.getDouble(3),
                rs.getDouble(4),
                rs.getLong(5),
                rs.getString(6)));
      }
    } catch (SQLException e) {
      throw failure("read", e);
    }
    return out;
  }

  /**
   * Replaces the stored ranked front (table {@code ranked}, created on first use; a store without
   * it holds a run that was not ranked).
   */
  public void ranked(List<RankedRow> rows) {
    write(
        () -> {
          try (Statement s = db.createStatement()) {
            s.executeUpdate(
                "CREATE TABLE IF NOT EXISTS ranked(position INTEGER PRIMARY KEY, cost REAL NOT"
                    + " NULL, train_error REAL NOT NULL, error REAL NOT NULL, method TEXT NOT"
                    + " NULL, points INTEGER NOT NULL, kernel TEXT NOT NULL)");
            s.executeUpdate("DELETE FROM ranked");
          }
          try (PreparedStatement p =
              db.prepareStatement(
                  "INSERT INTO ranked(position, cost, train_error, error, method, points, kernel)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            int i = 0;
            for (RankedRow r : rows) {
              p.setInt(1, i++);
              p.setDouble(2, r.cost());
              p.setDouble(3, r.trainError());
              p.setDouble(4, r.error());
              p.setString(5, r.method());
              p.setLong(6, r.points());
              p.setString(7, r.kernel());
              p.addBatch();
            }
            p.executeBatch();
          }
        });
  }

  /** The stored ranked front, by increasing cost; empty if the run was not ranked. */
  public List<RankedRow> ranked() {
    List<RankedRow> out = new ArrayList<>();
    try (Statement s = db.createStatement()) {
      try (ResultSet t =
          s.executeQuery("SELECT name FROM sqlite_master WHERE type='table' AND name='ranked'")) {
        if (!t.next()) {
          return out;
        }
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT cost, train_error, error, method, points, kernel FROM ranked ORDER BY"
                  + " position")) {
        while (rs.next()) {
          out.add(
              new RankedRow(
                  rs.getDouble(1),
                  rs.getDouble(2),
                  rs.getDouble(3),
                  rs.getString(4),
                  rs.getLong(5),
                  rs.getString(6)));
        }
      }
    } catch (SQLException e) {
      throw failure("read", e);
    }
    return out;
  }

  /** The stored front, by increasing cost. */
  public List<FrontRow> front() {
    List<FrontRow> out = new ArrayList<>();
    try (Statement s = db.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT cost, error, generation, island, kernel FROM front ORDER BY position")) {
      while (rs.next()) {
        out.add(
            new FrontRow(
                rs.getDouble(1), rs.getDouble(2), rs.getLong(3), rs.getInt(4), rs.getString(5)));
      }
    } catch (SQLException e) {
      throw failure("read", e);
    }
    return out;
  }

  /**
   * A checkpoint's checksum: CRC-32C (hardware-accelerated; detects torn and corrupted bytes; it is
   * not a defence against deliberate tampering), as 8 hex digits.
   */
  static String checksum(byte[] bytes) {
    java.util.zip.CRC32C c = new java.util.zip.CRC32C();
    c.update(bytes);
    return String.format(java.util.Locale.ROOT, "%08x", c.getValue());
  }

  /** A program's text as the store keeps kernels. */
  public static String text(Program p) {
    return Printer.print(p);
  }

  @Override
  public void close() {
    try {
      db.close();
    } catch (SQLException e) {
      // Closing after a failure: the failure was reported.
    }
  }
}
