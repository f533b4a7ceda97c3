package numevo.targets.seq;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import numevo.dsl.text.TextFileException;
import numevo.dsl.text.TextFiles;

/**
 * Reads sequence data: a comma-separated term list, an OEIS stripped-format file, or a
 * tab-separated table. Every error is a {@link SequenceFormatException} with a one-line message
 * naming the file and line.
 *
 * <ul>
 *   <li>Term list: {@code 0,1,1,2,3,5}: integers with an optional sign, separated by commas and
 *       optional blanks; one leading and one trailing comma are allowed (the stripped format has
 *       both).
 *   <li>Stripped format: one sequence per line, {@code A000045 ,0,1,1,2,...}: an id, blanks, then a
 *       term list. It carries no offsets: every sequence read from it gets offset 0. Blank lines
 *       and lines starting with {@code #} are skipped.
 *   <li>Table: {@code id TAB name TAB offset TAB terms}, as {@code
 *       ../shared/data/sequences/dev.tsv}; blank lines and lines starting with {@code #} are
 *       skipped.
 * </ul>
 */
public final class SequenceFiles {
  private SequenceFiles() {}

  /** Most digits of one term: bounds the work of reading any input. */
  public static final int MAX_DIGITS = 100_000;

  /** Most terms of one sequence. */
  public static final int MAX_TERMS = 100_000;

  private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
  private static final Pattern ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");

  /**
   * Parses a term list.
   *
   * @param text the list, e.g. {@code "0,1,1,2,3,5"}
   * @param where the location to put before messages, e.g. {@code "--terms"} or {@code "f.txt:3"}
   * @return the terms, at least one
   * @throws SequenceFormatException if the text is not a list of integers
   */
  public static List<BigInteger> parseTerms(String text, String where) {
    String s = text.strip();
    if (s.startsWith(",")) {
      s = s.substring(1);
    }
    if (s.endsWith(",")) {
      s = s.substring(0, s.length() - 1);
    }
    if (s.isBlank()) {
      throw new SequenceFormatException(where + ": no terms");
    }
    String[] parts = s.split(",", -1);
    if (parts.length > MAX_TERMS) {
      throw new SequenceFormatException(
          where + ": more than " + MAX_TERMS + " terms (" + parts.length + ")");
    }
    List<BigInteger> terms = new ArrayList<>(parts.length);
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i].strip();
      if (p.isEmpty()) {
        throw new SequenceFormatException(where + ": term " + (i + 1) + " is empty");
      }
      if (p.length() > MAX_DIGITS + 1) {
        throw new SequenceFormatException(
            where + ": term " + (i + 1) + " has more than " + MAX_DIGITS + " digits");
      }
      if (!INTEGER.matcher(p).matches()) {
        throw new SequenceFormatException(
            where + ": term " + (i + 1) + " '" + abbreviate(p) + "' is not an integer");
      }
      terms.add(new BigInteger(p));
    }
    return terms;
  }

  /**
   * Reads one sequence from a stripped-format file.
   *
   * @param file the file
   * @param id the sequence's id, e.g. {@code "A000045"}
   * @return the sequence, offset 0
   * @throws SequenceFormatException if the file cannot be read, the id is absent, or its line is
   *     malformed
   */
  public static SequenceData readStripped(Path file, String id) {
    Optional<SequenceData> found = Optional.empty();
    try (BufferedReader r = open(file)) {
      String line;
      int no = 0;
      while ((line = r.readLine()) != null) {
        no++;
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#")) {
          continue;
        }
        if (idOf(t).equals(id)) {
          found = Optional.of(strippedLine(t, file + ":" + no));
          break;
        }
      }
    } catch (IOException e) {
      throw new SequenceFormatException(file + ": cannot read: " + describe(e));
    }
    return found.orElseThrow(() -> new SequenceFormatException(file + ": no sequence " + id));
  }

  /**
   * Reads every sequence of a stripped-format file.
   *
   * @throws SequenceFormatException if the file cannot be read or a line is malformed
   */
  public static List<SequenceData> readAllStripped(Path file) {
    List<SequenceData> all = new ArrayList<>();
    try (BufferedReader r = open(file)) {
      String line;
      int no = 0;
      while ((line = r.readLine()) != null) {
        no++;
        String t = line.strip();
        if (!t.isEmpty() && !t.startsWith("#")) {
          all.add(strippedLine(t, file + ":" + no));
        }
      }
    } catch (IOException e) {
      throw new SequenceFormatException(file + ": cannot read: " + describe(e));
    }
    return all;
  }

  /**
   * Reads a table of named sequences with offsets ({@code id TAB name TAB offset TAB terms}).
   *
   * @throws SequenceFormatException if the file cannot be read or a line is malformed
   */
  public static List<SequenceData> readTable(Path file) {
    List<SequenceData> all = new ArrayList<>();
    try (BufferedReader r = open(file)) {
      String line;
      int no = 0;
      while ((line = r.readLine()) != null) {
        no++;
        String where = file + ":" + no;
        if (line.isBlank() || line.strip().startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        if (f.length != 4) {
          throw new SequenceFormatException(
              where
                  + ": expected 4 tab-separated fields (id, name, offset, terms), found "
                  + f.length);
        }
        String id = f[0].strip();
        if (!ID.matcher(id).matches()) {
          throw new SequenceFormatException(where + ": bad id '" + abbreviate(id) + "'");
        }
        int offset;
        try {
          offset = Integer.parseInt(f[2].strip());
        } catch (NumberFormatException e) {
          throw new SequenceFormatException(
              where + ": offset '" + abbreviate(f[2].strip()) + "' is not an integer");
        }
        all.add(SequenceData.of(id, f[1].strip(), offset, parseTerms(f[3], where)));
      }
    } catch (IOException e) {
      throw new SequenceFormatException(file + ": cannot read: " + describe(e));
    }
    return all;
  }

  private static SequenceData strippedLine(String line, String where) {
    String id = idOf(line);
    if (!ID.matcher(id).matches()) {
      throw new SequenceFormatException(where + ": bad id '" + abbreviate(id) + "'");
    }
    String rest = line.substring(id.length()).strip();
    if (!rest.startsWith(",")) {
      throw new SequenceFormatException(
          where + ": expected ',' after the id " + id + " (stripped format: A000045 ,0,1,1,...)");
    }
    return SequenceData.of(id, 0, parseTerms(rest, where));
  }

  private static String idOf(String line) {
    int end = 0;
    while (end < line.length()
        && line.charAt(end) != ','
        && !Character.isWhitespace(line.charAt(end))) {
      end++;
    }
    return line.substring(0, end);
  }

  /** The file's lines; not text (binary, not UTF-8) or unreadable: a located one-line error. */
  private static BufferedReader open(Path file) {
    try {
      return new BufferedReader(new StringReader(TextFiles.read(file, TextFiles.MAX_DATA_BYTES)));
    } catch (TextFileException e) {
      throw new SequenceFormatException(e.getMessage());
    }
  }

  private static String describe(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m.replaceAll("\\R", " ");
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }
}
