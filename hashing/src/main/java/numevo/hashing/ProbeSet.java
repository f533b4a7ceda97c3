package numevo.hashing;

import java.util.Objects;

/**
 * The probe points of a signature under a configuration: one column per input, {@link #count()}
 * points each. The first {@link #specialCount()} probes each set one input to a special value (zero
 * of either sign, one, a domain end, a subnormal, the overflow threshold, an infinity, NaN, ...)
 * with the other inputs random; the rest are random points of every domain. Deterministic: the same
 * signature and configuration give the same points on every run and JDK. Immutable.
 */
public final class ProbeSet {
  private final Signature signature;
  private final ProbeConfig config;
  private final int specialCount;
  private final double[][] floats;
  private final int[][] i32s;
  private final long[][] ints;

  ProbeSet(
      Signature signature,
      ProbeConfig config,
      int specialCount,
      double[][] floats,
      int[][] i32s,
      long[][] ints) {
    this.signature = signature;
    this.config = config;
    this.specialCount = specialCount;
    this.floats = floats;
    this.i32s = i32s;
    this.ints = ints;
  }

  /**
   * Generates the probe points. Prefer {@link Hasher#of(Signature, ProbeConfig)}, which generates
   * them once per signature and configuration.
   *
   * @param signature the signature; non-null
   * @param config the configuration; non-null
   * @return the probe set
   */
  public static ProbeSet of(Signature signature, ProbeConfig config) {
    return ProbeGenerator.generate(
        Objects.requireNonNull(signature, "signature"), Objects.requireNonNull(config, "config"));
  }

  /** The signature the points are for. */
  public Signature signature() {
    return signature;
  }

  /** The configuration the points were made with. */
  public ProbeConfig config() {
    return config;
  }

  /** The number of probe points. */
  public int count() {
    return config.count();
  }

  /** How many leading probes carry a special value, at most {@code count() / 2}. */
  public int specialCount() {
    return specialCount;
  }

  /**
   * A copy of the column of float input {@code i}.
   *
   * @throws IllegalArgumentException if input {@code i} is not {@link Kind#FLOAT}
   * @throws IndexOutOfBoundsException if there is no input {@code i}
   */
  public double[] floats(int i) {
    return floatColumn(i).clone();
  }

  /**
   * A copy of the column of i32 input {@code i}.
   *
   * @throws IllegalArgumentException if input {@code i} is not {@link Kind#I32}
   * @throws IndexOutOfBoundsException if there is no input {@code i}
   */
  public int[] i32s(int i) {
    return i32Column(i).clone();
  }

  /**
   * A copy of the column of int input {@code i}: residues in {@code [0, P)}.
   *
   * @throws IllegalArgumentException if input {@code i} is not {@link Kind#INT}
   * @throws IndexOutOfBoundsException if there is no input {@code i}
   */
  public long[] ints(int i) {
    return intColumn(i).clone();
  }

  double[] floatColumn(int i) {
    requireKind(i, Kind.FLOAT);
    return floats[i];
  }

  int[] i32Column(int i) {
    requireKind(i, Kind.I32);
    return i32s[i];
  }

  long[] intColumn(int i) {
    requireKind(i, Kind.INT);
    return ints[i];
  }

  private void requireKind(int i, Kind kind) {
    Kind actual = signature.inputKind(i);
    if (actual != kind) {
      throw new IllegalArgumentException("input " + i + " is " + actual + ", not " + kind);
    }
  }
}
