package numevo.runs.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import numevo.runs.cli.UserError;

/**
 * A run directory: {@code manifest.json}, the store {@code run.db} and a lock file. Each problem
 * with a directory is a one-line {@link UserError}: exit 2 for a path that is not a run, 1 for a
 * run whose files are damaged or newer than this numevo.
 *
 * @param path the directory
 */
public record RunDir(Path path) {
  /** The manifest's file name. */
  public static final String MANIFEST = "manifest.json";

  /** The database's file name. */
  public static final String DATABASE = "run.db";

  private static final String LOCK = "lock";

  static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** The manifest file. */
  public Path manifestFile() {
    return path.resolve(MANIFEST);
  }

  /** The database file. */
  public Path databaseFile() {
    return path.resolve(DATABASE);
  }

  /** Whether {@code dir} looks like a run directory (it has a manifest). */
  public static boolean isRun(Path dir) {
    return Files.isRegularFile(dir.resolve(MANIFEST));
  }

  /**
   * Creates a new run directory and writes its manifest.
   *
   * @throws UserError if the directory exists and is not empty, or cannot be written
   */
  public static RunDir create(Path dir, Manifest manifest) {
    try {
      if (Files.exists(dir)) {
        if (!Files.isDirectory(dir)) {
          throw new UserError(dir + ": exists and is not a directory (--run-dir)", 2);
        }
        try (var s = Files.list(dir)) {
          if (s.findAny().isPresent()) {
            throw new UserError(
                dir + ": exists and is not empty; choose another --run-dir or resume it", 2);
          }
        }
      }
      Files.createDirectories(dir);
      RunDir r = new RunDir(dir);
      Path tmp = dir.resolve(MANIFEST + ".tmp");
      Files.writeString(tmp, JSON.writeValueAsString(manifest) + "\n");
      Files.move(tmp, r.manifestFile(), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      return r;
    } catch (IOException e) {
      throw new UserError("cannot create run directory " + dir + ": " + e.getMessage(), 2);
    }
  }

  /**
   * Opens an existing run directory.
   *
   * @throws UserError if it is not a run directory
   */
  public static RunDir open(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new UserError(dir + ": no such run directory", 2);
    }
    if (!isRun(dir)) {
      throw new UserError(dir + ": not a run directory (no " + MANIFEST + ")", 2);
    }
    // A missing store is the run's store to open (RunDb.open): a run killed before it made it.
    return new RunDir(dir);
  }

  /**
   * Reads the manifest.
   *
   * @throws UserError if it is unreadable, not a manifest, or written by a newer numevo
   */
  public Manifest manifest() {
    Path f = manifestFile();
    String text;
    try {
      text = Files.readString(f);
    } catch (IOException e) {
      throw new UserError(f + ": cannot read: " + e.getMessage(), 1);
    }
    Manifest m;
    try {
      // The format first: a newer numevo's manifest may not bind to this one's.
      var tree = JSON.readTree(text);
      if (tree == null || !tree.isObject()) {
        throw new UserError(f + ": not a numevo manifest (not a JSON object)", 1);
      }
      var format = tree.get("format");
      if (format != null && format.canConvertToInt() && format.intValue() > Manifest.FORMAT) {
        throw new UserError(
            f
                + ": written by a newer numevo ("
                + tree.path("numevo").asText("?")
                + ", manifest format "
                + format.intValue()
                + "); this is numevo "
                + Manifest.VERSION,
            1);
      }
      m = JSON.readValue(text, Manifest.class);
    } catch (JsonProcessingException e) {
      var loc = e.getLocation();
      throw new UserError(
          f
              + (loc == null ? "" : ":" + loc.getLineNr() + ":" + loc.getColumnNr())
              + ": not a numevo manifest: "
              + e.getOriginalMessage().replaceAll("\\R", " "),
          1);
    }
    if (m.format() > Manifest.FORMAT) {
      throw new UserError(
          f
              + ": written by a newer numevo ("
              + m.numevo()
              + ", manifest format "
              + m.format()
              + "); this is numevo "
              + Manifest.VERSION,
          1);
    }
    if (m.format() < 1 || m.spec().target() == null || m.spec().target().isBlank()) {
      throw new UserError(f + ": not a numevo manifest (no format or target)", 1);
    }
    if (m.spec().time() != null) {
      try {
        java.time.Duration.parse(m.spec().time());
      } catch (java.time.format.DateTimeParseException e) {
        throw new UserError(f + ": not a numevo manifest (bad time '" + m.spec().time() + "')", 1);
      }
    }
    return m;
  }

  /**
   * Takes the run's lock for this process, released when the JVM exits.
   *
   * @throws UserError if another process holds it
   */
  public FileLock lock() {
    Path f = path.resolve(LOCK);
    try {
      FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock l;
      try {
        l = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        l = null;
      }
      if (l == null) {
        ch.close();
        throw new UserError(path + ": the run is in use by another numevo process", 2);
      }
      return l;
    } catch (IOException e) {
      throw new UserError(path + ": cannot lock the run: " + e.getMessage(), 1);
    }
  }

  /**
   * Releases the run's lock when a command ends: the JVM may go on (a test, a caller running
   * several commands) and resume the run next.
   */
  public static void release(FileLock lock) {
    try {
      lock.channel().close();
    } catch (IOException e) {
      // Closing the channel releases the lock; the JVM's exit would too.
    }
  }

  /** Whether some process holds the run's lock (it is running). */
  public boolean locked() {
    Path f = path.resolve(LOCK);
    if (!Files.exists(f)) {
      return false;
    }
    try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
      FileLock l = ch.tryLock();
      if (l == null) {
        return true;
      }
      l.release();
      return false;
    } catch (OverlappingFileLockException e) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The SHA-256 of a file's bytes, in hex. */
  public static String sha256(Path file) throws IOException {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The SHA-256 of bytes, in hex. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
