package numevo.hashing;

import java.util.HexFormat;

/**
 * A 128-bit hash value. Equality is on both words; the text form is 32 lower-case hex digits, high
 * word first.
 *
 * @param hi the high 64 bits
 * @param lo the low 64 bits
 */
public record Hash128(long hi, long lo) implements Comparable<Hash128> {

  /** Returns the hash with the given words. */
  public static Hash128 of(long hi, long lo) {
    return new Hash128(hi, lo);
  }

  /**
   * Parses the form written by {@link #toString()}.
   *
   * @param hex exactly 32 hex digits, either case; never null
   * @return the hash
   * @throws IllegalArgumentException if {@code hex} is not 32 hex digits
   */
  public static Hash128 parse(String hex) {
    if (hex.length() != 32) {
      throw new IllegalArgumentException("expected 32 hex digits, got \"" + hex + "\"");
    }
    try {
      return new Hash128(
          HexFormat.fromHexDigitsToLong(hex, 0, 16), HexFormat.fromHexDigitsToLong(hex, 16, 32));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("expected 32 hex digits, got \"" + hex + "\"", e);
    }
  }

  /** Orders by the unsigned value of the 128 bits, as the hex text sorts. */
  @Override
  public int compareTo(Hash128 o) {
    int c = Long.compareUnsigned(hi, o.hi);
    return c != 0 ? c : Long.compareUnsigned(lo, o.lo);
  }

  @Override
  public String toString() {
    HexFormat h = HexFormat.of();
    return h.toHexDigits(hi) + h.toHexDigits(lo);
  }
}
