package numevo.evolver.hash;

import java.util.List;
import java.util.Objects;
import numevo.hashing.ProbeConfig;
import numevo.hashing.cache.CacheConfig;

/**
 * Functional hashing and the equivalence cache in the search.
 *
 * @param enabled whether candidates are hashed and looked up at all; kernels with an exact {@code
 *     int} input or output are never hashed (the hashing module evaluates {@code int} modulo a
 *     prime, which is not the DSL's exact semantics), whatever this says
 * @param inputs the range of each input, in order, that probes are drawn from (copied); empty means
 *     every value of each input's type. Should be the target's domain: two kernels equal there get
 *     the same fitness, whatever they do elsewhere
 * @param probes the probe count and seed, never null
 * @param cache the equivalence cache settings (of each island), never null
 * @param sameFunctionRetries how many times an offspring that computes its parent's function is
 *     mutated again, {@code >= 0}
 */
public record HashConfig(
    boolean enabled,
    List<Bounds> inputs,
    ProbeConfig probes,
    CacheConfig cache,
    int sameFunctionRetries) {

  /** Enabled on every value, the default probes and cache, 3 retries. */
  public static final HashConfig DEFAULT =
      new HashConfig(true, List.of(), ProbeConfig.DEFAULT, CacheConfig.DEFAULT, 3);

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException if {@code sameFunctionRetries} is negative
   */
  public HashConfig {
    inputs = List.copyOf(inputs);
    Objects.requireNonNull(probes, "probes");
    Objects.requireNonNull(cache, "cache");
    if (sameFunctionRetries < 0) {
      throw new IllegalArgumentException(
          "sameFunctionRetries must be >= 0: " + sameFunctionRetries);
    }
  }

  /** See the record's components. */
  public static HashConfig of(
      boolean enabled,
      List<Bounds> inputs,
      ProbeConfig probes,
      CacheConfig cache,
      int sameFunctionRetries) {
    return new HashConfig(enabled, inputs, probes, cache, sameFunctionRetries);
  }

  /** This configuration with hashing on or off. */
  public HashConfig withEnabled(boolean enabled) {
    return new HashConfig(enabled, inputs, probes, cache, sameFunctionRetries);
  }

  /** This configuration with other input ranges. */
  public HashConfig withInputs(List<Bounds> inputs) {
    return new HashConfig(enabled, inputs, probes, cache, sameFunctionRetries);
  }

  /** This configuration with other probes. */
  public HashConfig withProbes(ProbeConfig probes) {
    return new HashConfig(enabled, inputs, probes, cache, sameFunctionRetries);
  }

  /** This configuration with another cache. */
  public HashConfig withCache(CacheConfig cache) {
    return new HashConfig(enabled, inputs, probes, cache, sameFunctionRetries);
  }

  /** This configuration with another number of same-function retries. */
  public HashConfig withSameFunctionRetries(int retries) {
    return new HashConfig(enabled, inputs, probes, cache, retries);
  }
}
