package numevo.hashing;

import java.util.Objects;

/**
 * What one output of a hashed function is: its kind and, for {@link Kind#FLOAT}, its number format,
 * whose codes are hashed.
 *
 * @param kind the kind; non-null
 * @param format the number format if {@code kind} is {@link Kind#FLOAT}, null otherwise
 */
public record Codomain(Kind kind, FloatFormat format) {

  /** An {@link Kind#I32} output. */
  public static final Codomain I32 = new Codomain(Kind.I32, null);

  /** An {@link Kind#INT} output: a residue modulo {@link ModP#P}. */
  public static final Codomain INT = new Codomain(Kind.INT, null);

  /**
   * Validates the pair.
   *
   * @throws NullPointerException if {@code kind} is null, or {@code format} is null for a float
   * @throws IllegalArgumentException if a format is given for a non-float output
   */
  public Codomain {
    Objects.requireNonNull(kind, "kind");
    if (kind == Kind.FLOAT) {
      Objects.requireNonNull(format, "format of a FLOAT output");
    } else if (format != null) {
      throw new IllegalArgumentException(kind + " output has no format");
    }
  }

  /** A {@link Kind#FLOAT} output of {@code format}. */
  public static Codomain of(FloatFormat format) {
    return new Codomain(Kind.FLOAT, format);
  }
}
