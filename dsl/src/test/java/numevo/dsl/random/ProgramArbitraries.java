package numevo.dsl.random;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;

/**
 * jqwik arbitraries of random valid programs, drawn through {@link RandomPrograms} from jqwik's
 * seeded randomness (so a failing try is reproduced by its seed). Values do not shrink.
 */
public final class ProgramArbitraries {
  private ProgramArbitraries() {}

  /** Programs following one config. */
  public static Arbitrary<Program> programs(RandomProgramConfig config) {
    RandomPrograms generator = RandomPrograms.of(config);
    return Arbitraries.randomValue(generator::next);
  }

  /**
   * Programs of a format with every op valid in it, 0 to 4 inputs of random types, 1 to 30
   * instructions, 1 to 3 outputs and a literal probability between 0 and 0.5.
   */
  public static Arbitrary<Program> programs(NumberFormat format) {
    return Arbitraries.randomValue(rng -> next(format, rng));
  }

  /** Programs of every format, each drawn as by {@link #programs(NumberFormat)}. */
  public static Arbitrary<Program> programs() {
    NumberFormat[] formats = NumberFormat.values();
    return Arbitraries.randomValue(rng -> next(formats[rng.nextInt(formats.length)], rng));
  }

  /** One program of a format under a randomly drawn config, as {@link #programs(NumberFormat)}. */
  public static Program next(NumberFormat format, RandomGenerator rng) {
    // Drawn by hand rather than with combinators: this is the hot path of the property tests.
    List<Type> inputs = new ArrayList<>();
    int inputCount = rng.nextInt(5);
    for (int i = 0; i < inputCount; i++) {
      inputs.add(Type.values()[rng.nextInt(Type.values().length)]);
    }
    RandomProgramConfig config =
        RandomProgramConfig.of(format)
            .withInputs(inputs)
            .withSize(1, 1 + rng.nextInt(30))
            .withOutputs(1 + rng.nextInt(3))
            .withLiteralProbability(rng.nextDouble(0.5));
    return RandomPrograms.of(config).next(rng);
  }
}
