package numevo.dsl.text;

import java.util.Comparator;
import java.util.Objects;

/**
 * A place in a source file, shown as {@code file:line:col}.
 *
 * @param file the file name as given to the parser, never null
 * @param line the 1-based line number
 * @param column the 1-based column, counted in UTF-16 code units (a tab counts as one)
 */
public record Position(String file, int line, int column) implements Comparable<Position> {

  private static final Comparator<Position> ORDER =
      Comparator.comparing(Position::file)
          .thenComparingInt(Position::line)
          .thenComparingInt(Position::column);

  /**
   * @throws NullPointerException if {@code file} is null
   * @throws IllegalArgumentException if {@code line} or {@code column} is less than 1
   */
  public Position {
    Objects.requireNonNull(file, "file");
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
    }
  }

  /** Same as the constructor. */
  public static Position of(String file, int line, int column) {
    return new Position(file, line, column);
  }

  /** Orders by file name, then line, then column. */
  @Override
  public int compareTo(Position other) {
    return ORDER.compare(this, other);
  }

  /** {@code file:line:col}, the prefix of every diagnostic. */
  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
