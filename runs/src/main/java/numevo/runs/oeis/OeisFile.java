package numevo.runs.oeis;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import numevo.dsl.text.TextFileException;
import numevo.dsl.text.TextFiles;
import numevo.runs.cli.UserError;
import numevo.targets.seq.SequenceData;
import numevo.targets.seq.SequenceFiles;

/**
 * A collection of sequences in the OEIS stripped format, one per line: {@code A000045
 * ,0,1,1,2,3,...} (an id, blanks, a comma, integers separated by commas, an optional trailing
 * comma). Blank lines and lines starting with {@code #} are skipped. Every sequence gets offset 0
 * (the format carries none). A malformed line is a {@link UserError} naming {@code FILE:LINE:COL}.
 *
 * @param file the file as named
 * @param sha256 the SHA-256 of its bytes (a resumed pass checks it)
 * @param sequences the sequences, in file order
 */
public record OeisFile(Path file, String sha256, List<SequenceData> sequences) {

  private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
  private static final Pattern ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");

  public OeisFile {
    sequences = List.copyOf(sequences);
  }

  /**
   * Reads a file.
   *
   * @throws UserError if it cannot be read, is not text, or a line is malformed (one line naming
   *     the file, line and column)
   */
  public static OeisFile read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new UserError(file + ": cannot read: no such file");
    } catch (IOException e) {
      String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new UserError(file + ": cannot read: " + m.replaceAll("\\R", " "));
    }
    String text;
    try {
      text = TextFiles.decode(bytes, file.toString());
    } catch (TextFileException e) {
      throw new UserError(e.getMessage());
    }
    List<SequenceData> all = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    String[] lines = text.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      SequenceData d = parseLine(line, file + ":" + (i + 1) + ":");
      Integer first = seen.putIfAbsent(d.id(), i + 1);
      if (first != null) {
        throw new UserError(
            file
                + ":"
                + (i + 1)
                + ":1: sequence "
                + d.id()
                + " again (first on line "
                + first
                + ")");
      }
      all.add(d);
    }
    return new OeisFile(file, Digests.sha256Hex(bytes), all);
  }

  /** One line; {@code where} is {@code "FILE:LINE:"}, the column is appended. */
  static SequenceData parseLine(String line, String where) {
    int p = 0;
    while (p < line.length() && Character.isWhitespace(line.charAt(p))) {
      p++;
    }
    int idStart = p;
    while (p < line.length() && line.charAt(p) != ',' && !Character.isWhitespace(line.charAt(p))) {
      p++;
    }
    String id = line.substring(idStart, p);
    if (!ID.matcher(id).matches()) {
      throw new UserError(
          where
              + (idStart + 1)
              + ": expected a sequence id such as A000045, found '"
              + abbreviate(id)
              + "'");
    }
    while (p < line.length() && Character.isWhitespace(line.charAt(p))) {
      p++;
    }
    if (p >= line.length() || line.charAt(p) != ',') {
      throw new UserError(
          where + (p + 1) + ": expected ',' after the id " + id + " (A000045 ,0,1,1,2,...)");
    }
    p++;
    int end = line.length();
    while (end > p && Character.isWhitespace(line.charAt(end - 1))) {
      end--;
    }
    if (end > p && line.charAt(end - 1) == ',') {
      end--; // the trailing comma of the stripped format
    }
    List<BigInteger> terms = new ArrayList<>();
    int start = p;
    while (true) {
      int comma = line.indexOf(',', start);
      int stop = comma < 0 || comma > end ? end : comma;
      String raw = line.substring(start, stop);
      String tok = raw.strip();
      int col = start + 1 + (raw.length() - raw.stripLeading().length());
      if (tok.isEmpty()) {
        throw new UserError(
            where + col + ": term " + (terms.size() + 1) + " of " + id + " is empty");
      }
      if (tok.length() > SequenceFiles.MAX_DIGITS + 1 || !INTEGER.matcher(tok).matches()) {
        throw new UserError(
            where
                + col
                + ": term "
                + (terms.size() + 1)
                + " of "
                + id
                + " '"
                + abbreviate(tok)
                + "' is not an integer");
      }
      if (terms.size() == SequenceFiles.MAX_TERMS) {
        throw new UserError(where + col + ": " + id + " has more than " + SequenceFiles.MAX_TERMS);
      }
      terms.add(new BigInteger(tok));
      if (stop == end) {
        break;
      }
      start = stop + 1;
    }
    return SequenceData.of(id, 0, terms);
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }
}
