package numevo.hashing;

/**
 * The domain of a {@link Kind#INT} input: every residue modulo {@link ModP#P}. An exact-integer
 * function is hashed by evaluating it modulo {@code P} at random residues, which identifies integer
 * polynomials almost surely (see {@link ModP}); the domain therefore has no bounds.
 */
public record IntDomain() implements Domain {

  /** The one instance worth having. */
  public static final IntDomain RESIDUES = new IntDomain();

  /** Returns {@link #RESIDUES}. */
  public static IntDomain of() {
    return RESIDUES;
  }

  @Override
  public Kind kind() {
    return Kind.INT;
  }
}
