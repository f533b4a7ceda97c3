package numevo.hashing;

/**
 * The values one input of a hashed function ranges over; the probe points of that input are drawn
 * from it.
 */
public sealed interface Domain permits FloatDomain, I32Domain, IntDomain {

  /** The kind of the input's values. */
  Kind kind();
}
