package numevo.targets.lmul;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.format.Saturation;
import numevo.targets.CostModel;

/**
 * What an L-Mul target scores: the format, how operand pairs are chosen, the reference's overflow
 * policy and the energy model. Pairs are exhaustive for 8-bit formats and a {@link
 * OperandPairs#stratified stratified sample} for 16-bit ones.
 *
 * @param name the target's name, e.g. {@code "lmul-e4m3"}
 * @param format the codes' format: e4m3fn, e5m2 or bfloat16 (or another 8-bit format, or float16)
 * @param seed the sample's seed (ignored for 8-bit formats)
 * @param saturation the correctly rounded product's overflow policy; {@link Saturation#NONE}
 *     matches the DSL's {@code mul}
 * @param energy the energy model of the cost
 */
public record LmulConfig(
    String name, NumberFormat format, long seed, Saturation saturation, CostModel energy) {

  /**
   * The seed of the default bfloat16 sample (that of {@code numevo score}, {@link
   * numevo.targets.ScoreOptions#DEFAULT_SEED}).
   */
  public static final long DEFAULT_SEED = 1L;

  /** The shipped targets' names. */
  public static final List<String> NAMES = List.of("lmul-e4m3", "lmul-e5m2", "lmul-bf16");

  public LmulConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(saturation, "saturation");
    Objects.requireNonNull(energy, "energy");
    if (format.bits() != 8 && !(format.bits() == 16 && format.hasInfinity())) {
      throw new IllegalArgumentException(
          "an L-Mul target needs an 8-bit format or a 16-bit one with Inf, not " + format);
    }
  }

  /**
   * The target for a format with the defaults: {@link #DEFAULT_SEED}, no saturation, {@link
   * LmulCosts#horowitz45nm}; named {@code lmul-e4m3}, {@code lmul-e5m2}, {@code lmul-bf16} for the
   * shipped formats and {@code lmul-<format>} otherwise.
   */
  public static LmulConfig of(NumberFormat format) {
    String shortName =
        switch (format) {
          case E4M3FN -> "e4m3";
          case BFLOAT16 -> "bf16";
          default -> format.formatName();
        };
    return new LmulConfig(
        "lmul-" + shortName, format, DEFAULT_SEED, Saturation.NONE, LmulCosts.horowitz45nm(format));
  }

  /** A shipped target by name ({@link #NAMES}), case-insensitively; empty if unknown. */
  public static Optional<LmulConfig> byName(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "lmul-e4m3" -> Optional.of(of(NumberFormat.E4M3FN));
      case "lmul-e5m2" -> Optional.of(of(NumberFormat.E5M2));
      case "lmul-bf16" -> Optional.of(of(NumberFormat.BFLOAT16));
      default -> Optional.empty();
    };
  }

  /** The same target with another saturation policy. */
  public LmulConfig withSaturation(Saturation s) {
    return new LmulConfig(name, format, seed, s, energy);
  }

  /** The same target with another sample seed. */
  public LmulConfig withSeed(long s) {
    return new LmulConfig(name, format, s, saturation, energy);
  }

  /** The operand pairs this configuration scores on (drawn anew on each call). */
  public OperandPairs pairs() {
    return format.bits() == 8
        ? OperandPairs.exhaustive(format)
        : OperandPairs.stratified(format, seed);
  }
}
