package numevo.dsl.text;

import java.nio.file.Path;
import java.util.Objects;
import numevo.dsl.program.Program;
import numevo.dsl.program.ProgramException;

/**
 * Reads kernels written in the text syntax (see the package documentation).
 *
 * <p>Every failure is a {@link ProgramException} whose message is one line, {@code file:line:col:
 * message} for the first error in source order (or {@code file: message} when the file as a whole
 * cannot be read); {@link ProgramException#problems()} lists every error found, one per faulty
 * line. Type, arity and format problems are found by the model's {@link
 * numevo.dsl.program.Checker}, the same that checks programs built in memory.
 */
public final class Parser {
  private Parser() {}

  /** Largest source accepted, in characters (and, for files, in bytes): 1 MiB. */
  public static final int MAX_SOURCE_SIZE = 1 << 20;

  /**
   * Parses a kernel.
   *
   * @param source the text, never null
   * @param fileName the name to show in messages, never null
   * @return the program, well formed
   * @throws ProgramException if the text is not a valid kernel
   */
  public static Program parse(String source, String fileName) {
    return parseDetailed(source, fileName).program();
  }

  /**
   * Parses a kernel, keeping the positions of its parts and the warnings.
   *
   * @param source the text, never null; a leading byte-order mark is ignored
   * @param fileName the name to show in messages, never null
   * @return the program with its source map and warnings
   * @throws ProgramException if the text is not a valid kernel or longer than {@link
   *     #MAX_SOURCE_SIZE} characters
   */
  public static ParsedProgram parseDetailed(String source, String fileName) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(fileName, "fileName");
    if (source.length() > MAX_SOURCE_SIZE) {
      throw new ProgramException(
          fileName
              + ": too large: "
              + source.length()
              + " characters (limit "
              + MAX_SOURCE_SIZE
              + ")");
    }
    String text = source.startsWith("\uFEFF") ? source.substring(1) : source;
    return new ParseRun(fileName).run(text);
  }

  /**
   * Reads and parses a UTF-8 kernel file; messages name it as given.
   *
   * @param file the file, never null
   * @return the program with its source map and warnings
   * @throws ProgramException if the file cannot be read, is larger than {@link #MAX_SOURCE_SIZE}
   *     bytes, is not text ({@link TextFiles}), or is not a valid kernel
   */
  public static ParsedProgram parseFile(Path file) {
    String text;
    try {
      text = TextFiles.read(file, MAX_SOURCE_SIZE);
    } catch (TextFileException e) {
      throw new ProgramException(e.getMessage());
    }
    return parseDetailed(text, file.toString());
  }
}
