package numevo.dsl.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads the text files users give numevo (kernels, input tuples, target files, sequence data), the
 * one place that decides what a text file is: UTF-8, an optional leading byte order mark (dropped),
 * and no control characters but tab, line feed, carriage return and form feed. Anything else is a
 * {@link TextFileException} whose one-line message says where ({@code file:line:col}) and what was
 * expected, never a Java decoder message.
 */
public final class TextFiles {
  private TextFiles() {}

  /** Largest data file (input tuples, sequence tables) read whole, in bytes: 1 GiB. */
  public static final int MAX_DATA_BYTES = 1 << 30;

  /**
   * Reads a whole text file of at most {@code limit} bytes.
   *
   * @param file the file, never null
   * @param limit the largest size accepted, in bytes
   * @return its text, without a leading byte order mark
   * @throws TextFileException (one line, naming the file) if it cannot be read, is larger than
   *     {@code limit} bytes or is not text
   */
  public static String read(Path file, int limit) {
    String name = file.toString();
    if (Files.isDirectory(file)) {
      throw new TextFileException(name + ": cannot read: is a directory");
    }
    byte[] bytes;
    // Read at most one byte past the limit: a FIFO or a growing file cannot make us read more.
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(limit + 1);
    } catch (IOException e) {
      throw new TextFileException(name + ": cannot read: " + describe(e));
    }
    if (bytes.length > limit) {
      throw new TextFileException(name + ": too large: more than " + limit + " bytes");
    }
    return decode(bytes, name);
  }

  /**
   * Decodes a text file's bytes.
   *
   * @param bytes the file's content, never null
   * @param name the file's name for messages, never null
   * @return the text, without a leading byte order mark
   * @throws TextFileException with a {@code name:line:col} message at the first byte that is not
   *     UTF-8 or the first control character that has no place in text
   */
  public static String decode(byte[] bytes, String name) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    if (bytes.length >= 3
        && (bytes[0] & 0xff) == 0xef
        && (bytes[1] & 0xff) == 0xbb
        && (bytes[2] & 0xff) == 0xbf) {
      in.position(3);
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult r = decoder.decode(in, out, true);
    if (!r.isError()) {
      r = decoder.flush(out);
    }
    out.flip();
    String text = out.toString();
    if (r.isError()) {
      int bad = bytes[Math.min(in.position(), bytes.length - 1)] & 0xff;
      throw new TextFileException(
          at(name, text, text.length())
              + ": not UTF-8 text (byte "
              + String.format(Locale.ROOT, "0x%02x", bad)
              + "): expected a UTF-8 text file");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7f) {
        throw new TextFileException(
            at(name, text, i)
                + ": binary content (control character "
                + String.format(Locale.ROOT, "U+%04X", (int) c)
                + "): expected a text file");
      }
    }
    return text;
  }

  /** {@code name:line:col} of the character at {@code index} of {@code text} (1-based). */
  private static String at(String name, String text, int index) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < index; i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        line++;
        lineStart = i + 1;
      }
    }
    return name + ":" + line + ":" + (index - lineStart + 1);
  }

  /** A short reason for a failed read, without Java class names where a word says it. */
  static String describe(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    String m = e.getMessage();
    return m == null || m.isBlank()
        ? e.getClass().getSimpleName()
        : m.replaceAll("\\R", " "); // keep the message on one line
  }
}
