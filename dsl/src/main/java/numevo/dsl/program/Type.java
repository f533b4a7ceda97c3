package numevo.dsl.program;

import java.util.Optional;

/** The value types of the DSL. */
public enum Type {
  /** A float in the kernel's number format. */
  F("f"),
  /** A 32-bit two's-complement integer, for bit tricks on encodings. */
  I32("i32"),
  /** An exact, unbounded integer, for recurrences. */
  INT("int");

  private final String syntax;

  Type(String syntax) {
    this.syntax = syntax;
  }

  /** The type's name in the text syntax. */
  public String syntax() {
    return syntax;
  }

  /** Looks a type up by its text name ({@code f}, {@code i32}, {@code int}). */
  public static Optional<Type> bySyntax(String s) {
    for (Type t : values()) {
      if (t.syntax.equals(s)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return syntax;
  }
}
