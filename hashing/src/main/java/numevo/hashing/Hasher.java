package numevo.hashing;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hashes functions of one {@link Signature}: runs an {@link Evaluator} over the {@link ProbeSet}
 * and hashes the exact output words, in probe order, to 128 bits. The signature and the probe
 * configuration are mixed in, so different signatures or configurations never share hashes except
 * by 128-bit chance.
 *
 * <p>Hashers are immutable and thread-safe; each thread gets its own scratch columns, so hashing
 * allocates nothing per point (and nothing per call beyond the result). {@link #of} keeps one
 * hasher per signature and configuration, so probe points are generated once.
 *
 * <p>Invalid candidates (the evaluator returns false) get no hash: {@link #hash} returns empty. A
 * caller should then skip the functional-equivalence cache and score the candidate (or reject it)
 * directly: validity on the probes says nothing about validity elsewhere, so invalid candidates
 * must not share a fitness.
 */
public final class Hasher {
  /** Hashers kept by {@link #of}; beyond this many, new ones are made but not kept. */
  private static final int MAX_KEPT = 4096;

  private static final ConcurrentHashMap<ProbeKey, Hasher> KEPT = new ConcurrentHashMap<>();

  private record ProbeKey(Signature signature, ProbeConfig config) {}

  private final ProbeSet probes;
  private final long seed1;
  private final long seed2;
  private final long[] nanCodes;
  private final ThreadLocal<Batch> scratch;

  private Hasher(ProbeSet probes) {
    this.probes = probes;
    Signature s = probes.signature();
    Mix128 m = new Mix128(0x6e75_6d65_766f_2d66L, 0x6861_7368_2d76_3031L);
    s.mixInto(m);
    m.add(probes.config().count());
    m.add(probes.config().seed());
    Hash128 d = m.finish();
    this.seed1 = d.hi();
    this.seed2 = d.lo();
    this.nanCodes = new long[s.outputs().size()];
    for (int j = 0; j < nanCodes.length; j++) {
      FloatFormat f = s.outputs().get(j).format();
      nanCodes[j] = f == null ? 0 : f.canonicalNaN();
    }
    this.scratch = ThreadLocal.withInitial(() -> new Batch(probes));
  }

  /** The hasher of {@code signature} with {@link ProbeConfig#DEFAULT}. */
  public static Hasher of(Signature signature) {
    return of(signature, ProbeConfig.DEFAULT);
  }

  /**
   * The hasher of {@code signature} under {@code config}, generating its probe points on first use
   * and reusing them afterwards.
   *
   * @param signature the signature; non-null
   * @param config the probe configuration; non-null
   * @return the hasher
   * @throws IllegalArgumentException if the signature's domains admit no probe points
   */
  public static Hasher of(Signature signature, ProbeConfig config) {
    ProbeKey key =
        new ProbeKey(
            Objects.requireNonNull(signature, "signature"),
            Objects.requireNonNull(config, "config"));
    Hasher h = KEPT.get(key);
    if (h != null) {
      return h;
    }
    if (KEPT.size() >= MAX_KEPT) {
      return new Hasher(ProbeSet.of(signature, config));
    }
    return KEPT.computeIfAbsent(key, k -> new Hasher(ProbeSet.of(k.signature(), k.config())));
  }

  /** The signature hashed. */
  public Signature signature() {
    return probes.signature();
  }

  /** The probe configuration. */
  public ProbeConfig config() {
    return probes.config();
  }

  /** The probe points. */
  public ProbeSet probes() {
    return probes;
  }

  /**
   * Evaluates {@code evaluator} on the probe points and hashes its outputs.
   *
   * @param evaluator computes the function; non-null; exceptions it throws propagate
   * @return the hash, or empty if the evaluator reported the function invalid
   * @throws IllegalStateException if the evaluator left an output column unrequested, or requested
   *     one both as words and as values
   */
  public Optional<Hash128> hash(Evaluator evaluator) {
    Objects.requireNonNull(evaluator, "evaluator");
    Batch b = scratch.get();
    if (b.inUse) {
      // Re-entered from inside an evaluation on this thread: do not clobber the outer batch.
      b = new Batch(probes);
    }
    b.inUse = true;
    try {
      b.begin();
      if (!evaluator.evaluate(b)) {
        return Optional.empty();
      }
      b.mix.reset(seed1, seed2);
      b.mixOutputs(nanCodes);
      return Optional.of(b.mix.finish());
    } finally {
      b.inUse = false;
    }
  }
}
