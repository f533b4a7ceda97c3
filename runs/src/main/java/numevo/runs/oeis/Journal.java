package numevo.runs.oeis;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import numevo.runs.cli.UserError;

/**
 * The append-only record of a pass, {@code DIR/journal.tsv}: a header line with what decides the
 * verdicts ({@link OeisOptions#identity}), a {@code #session} line per start, and one {@link
 * SequenceVerdict#line()} per finished sequence, each written in one call and forced to the disk
 * before the next. A crash can leave only a last line without its newline: reading ignores it and
 * opening cuts it off, so the sequence is simply worked on again.
 */
public final class Journal implements AutoCloseable {

  /** The journal's file name in a pass's directory. */
  public static final String FILE = "journal.tsv";

  private static final String MAGIC = "# numevo oeis journal 1";
  private static final String SESSION = "#session";

  private final FileChannel channel;

  private Journal(FileChannel channel) {
    this.channel = channel;
  }

  /**
   * What a journal holds.
   *
   * @param identity the header's key-value pairs
   * @param verdicts the finished sequences, in the order they finished (the first of an id if
   *     repeated)
   * @param sessions the {@code #session} lines, without the marker
   * @param length the bytes up to the last newline (what opening keeps)
   */
  public record Contents(
      Map<String, String> identity,
      List<SequenceVerdict> verdicts,
      List<String> sessions,
      long length) {
    public Contents {
      identity = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(identity));
      verdicts = List.copyOf(verdicts);
      sessions = List.copyOf(sessions);
    }
  }

  /**
   * Reads a pass directory's journal.
   *
   * @return its contents, or null if there is none (no file, or not even a whole header line)
   * @throws UserError if the file is not a journal or a line is malformed ({@code FILE:LINE})
   */
  public static Contents read(Path dir) {
    Path file = dir.resolve(FILE);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new UserError(file + ": cannot read: " + e.getMessage());
    }
    int end = bytes.length;
    while (end > 0 && bytes[end - 1] != '\n') {
      end--; // a torn last line
    }
    if (end == 0) {
      return null;
    }
    String text = new String(bytes, 0, end, StandardCharsets.UTF_8);
    String[] lines = text.split("\n", -1);
    if (!lines[0].startsWith(MAGIC)) {
      throw new UserError(file + ":1: not a numevo oeis journal");
    }
    Map<String, String> identity = new LinkedHashMap<>();
    String[] head = lines[0].split("\t");
    for (int i = 1; i < head.length; i++) {
      int eq = head[i].indexOf('=');
      if (eq < 1) {
        throw new UserError(file + ":1: malformed header field '" + head[i] + "'");
      }
      identity.put(head[i].substring(0, eq), head[i].substring(eq + 1));
    }
    List<SequenceVerdict> verdicts = new ArrayList<>();
    List<String> sessions = new ArrayList<>();
    Set<String> ids = new LinkedHashSet<>();
    for (int i = 1; i < lines.length - 1; i++) { // the last element is after the final newline
      String line = lines[i];
      if (line.startsWith(SESSION)) {
        sessions.add(line.substring(SESSION.length()).strip());
        continue;
      }
      SequenceVerdict v;
      try {
        v = SequenceVerdict.parse(line);
      } catch (IllegalArgumentException e) {
        throw new UserError(file + ":" + (i + 1) + ": malformed verdict line: " + e.getMessage());
      }
      if (ids.add(v.id())) {
        verdicts.add(v);
      }
    }
    return new Contents(identity, verdicts, sessions, end);
  }

  /**
   * Opens a pass directory's journal for appending: a new one, or the one there if its header has
   * the same identity (its torn last line cut off).
   *
   * @param dir the pass directory (created if absent)
   * @param identity what decides the verdicts
   * @param session a description of this start (time, jobs, cores), one line
   * @return the journal and what it already holds (empty for a new one)
   * @throws UserError if the directory holds a journal of other flags, or cannot be written
   */
  public static Opened open(Path dir, Map<String, String> identity, String session) {
    Contents old = read(dir);
    Path file = dir.resolve(FILE);
    try {
      Files.createDirectories(dir);
      FileChannel ch;
      if (old == null) {
        ch =
            FileChannel.open(
                file,
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        StringBuilder h = new StringBuilder(MAGIC);
        identity.forEach((k, v) -> h.append('\t').append(k).append('=').append(v));
        write(ch, h.append('\n').toString());
      } else {
        checkSame(dir, old.identity(), identity);
        ch = FileChannel.open(file, StandardOpenOption.WRITE);
        ch.truncate(old.length());
        ch.position(old.length());
      }
      Journal j = new Journal(ch);
      j.line(SESSION + "\t" + TsvText.clean(session));
      return new Opened(j, old == null ? List.of() : old.verdicts());
    } catch (IOException e) {
      throw new UserError(file + ": cannot write: " + e.getMessage());
    }
  }

  /**
   * An open journal and the verdicts it held.
   *
   * @param journal the journal
   * @param done the sequences already finished
   */
  public record Opened(Journal journal, List<SequenceVerdict> done) {
    public Opened {
      done = List.copyOf(done);
    }
  }

  private static void checkSame(Path dir, Map<String, String> was, Map<String, String> now) {
    List<String> diffs = new ArrayList<>();
    Set<String> keys = new LinkedHashSet<>(was.keySet());
    keys.addAll(now.keySet());
    for (String k : keys) {
      String a = was.getOrDefault(k, "(none)");
      String b = now.getOrDefault(k, "(none)");
      if (!a.equals(b)) {
        diffs.add(k + " " + a + ", now " + b);
      }
    }
    if (!diffs.isEmpty()) {
      throw new UserError(
          "--out "
              + dir
              + " holds a pass with other flags or data ("
              + String.join("; ", diffs)
              + "): rerun with its flags to continue it, or give another --out");
    }
  }

  /** Appends one finished sequence, forced to the disk. */
  public void append(SequenceVerdict v) {
    try {
      line(v.line());
    } catch (IOException e) {
      throw new UserError("cannot write the journal: " + e.getMessage());
    }
  }

  private synchronized void line(String s) throws IOException {
    write(channel, s + "\n");
  }

  private static void write(FileChannel ch, String s) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    while (b.hasRemaining()) {
      ch.write(b);
    }
    ch.force(true);
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new UserError("cannot close the journal: " + e.getMessage());
    }
  }
}
