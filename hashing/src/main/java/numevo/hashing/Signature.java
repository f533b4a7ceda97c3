package numevo.hashing;

import java.util.List;
import java.util.Objects;

/**
 * The type of a hashed function: the domains of its inputs and the codomains of its outputs, in
 * order. Functions are compared only within one signature; everything in it is mixed into the hash,
 * so functions of different signatures never share a hash except by 128-bit chance.
 *
 * @param inputs the input domains (copied); may be empty, for constants
 * @param outputs the outputs (copied); at least one
 */
public record Signature(List<Domain> inputs, List<Codomain> outputs) {

  /**
   * Validates and copies.
   *
   * @throws NullPointerException if a list or an element is null
   * @throws IllegalArgumentException if there is no output
   */
  public Signature {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    if (outputs.isEmpty()) {
      throw new IllegalArgumentException("a signature needs at least one output");
    }
  }

  /** See the record's components. */
  public static Signature of(List<Domain> inputs, List<Codomain> outputs) {
    return new Signature(inputs, outputs);
  }

  /** A function of one float input and one float output of the input's format. */
  public static Signature unary(FloatDomain x) {
    Objects.requireNonNull(x, "x");
    return new Signature(List.of(x), List.of(Codomain.of(x.format())));
  }

  /** A function of one {@link Kind#INT} input and one {@link Kind#INT} output. */
  public static Signature integer() {
    return new Signature(List.of(IntDomain.RESIDUES), List.of(Codomain.INT));
  }

  /** The kind of input {@code i}. */
  public Kind inputKind(int i) {
    return inputs.get(i).kind();
  }

  /** The kind of output {@code j}. */
  public Kind outputKind(int j) {
    return outputs.get(j).kind();
  }

  /**
   * Feeds everything that identifies the signature into {@code mix}: kinds, format names and
   * limits, bounds. Changing any of these changes every hash.
   */
  void mixInto(Mix128 mix) {
    mix.add(inputs.size());
    for (Domain d : inputs) {
      mix.add(d.kind().ordinal());
      switch (d) {
        case FloatDomain f -> {
          mixFormat(mix, f.format());
          mix.add(Double.doubleToRawLongBits(f.lo()));
          mix.add(Double.doubleToRawLongBits(f.hi()));
          mix.add(f.nan() ? 1 : 0);
        }
        case I32Domain r -> {
          mix.add(r.lo());
          mix.add(r.hi());
        }
        case IntDomain z -> mix.add(ModP.P);
      }
    }
    mix.add(outputs.size());
    for (Codomain c : outputs) {
      mix.add(c.kind().ordinal());
      if (c.format() != null) {
        mixFormat(mix, c.format());
      }
    }
  }

  private static void mixFormat(Mix128 mix, FloatFormat f) {
    mix.add(f.name());
    mix.add(Double.doubleToRawLongBits(f.minSubnormal()));
    mix.add(Double.doubleToRawLongBits(f.minNormal()));
    mix.add(Double.doubleToRawLongBits(f.maxFinite()));
  }
}
