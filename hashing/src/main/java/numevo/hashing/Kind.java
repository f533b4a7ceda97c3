package numevo.hashing;

/** The kinds of values a hashed function takes and returns. */
public enum Kind {
  /**
   * A float of some number format, carried as a {@code double} holding a value of that format. As
   * an output it is hashed as the format's code, with every NaN in one class.
   */
  FLOAT,
  /** A 32-bit two's-complement integer, carried as an {@code int}. */
  I32,
  /**
   * An exact integer, evaluated modulo the prime {@link ModP#P}: inputs and outputs are residues in
   * {@code [0, P)}, carried as {@code long}s.
   */
  INT
}
