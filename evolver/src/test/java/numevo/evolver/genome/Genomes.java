package numevo.evolver.genome;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Input;
import numevo.dsl.program.Op;
import numevo.dsl.program.Type;
import numevo.dsl.random.RandomProgramConfig;

/** Random genome configurations for property tests, drawn from a seeded generator. */
public final class Genomes {
  private Genomes() {}

  /** The float32 genome of the examples: one f input, add, sub, mul, div, fma. */
  public static GenomeConfig float32Arithmetic() {
    return GenomeConfig.of(
        NumberFormat.FLOAT32,
        List.of(Type.F),
        Type.F,
        List.of(Op.FADD, Op.FSUB, Op.FMUL, Op.FDIV, Op.FFMA));
  }

  /**
   * A random genome: any format, 0 to 3 inputs and 1 to 2 outputs of random types, a random subset
   * of the valid ops (redrawn until every output type can be made), random size limits and literal
   * probability.
   */
  public static GenomeConfig random(RandomGenerator rng) {
    while (true) {
      NumberFormat format = NumberFormat.values()[rng.nextInt(NumberFormat.values().length)];
      List<Input> inputs = new ArrayList<>();
      int k = rng.nextInt(4);
      for (int i = 0; i < k; i++) {
        inputs.add(Input.of("in" + i, randomType(rng)));
      }
      List<Type> outputs = new ArrayList<>();
      int m = 1 + rng.nextInt(2);
      for (int o = 0; o < m; o++) {
        outputs.add(randomType(rng));
      }
      List<Op> valid = RandomProgramConfig.validOps(format);
      List<Op> ops = new ArrayList<>();
      double keep = rng.nextDouble(0.1, 1.0);
      for (Op op : valid) {
        if (rng.nextDouble() < keep) {
          ops.add(op);
        }
      }
      if (ops.isEmpty()) {
        continue;
      }
      int min = rng.nextInt(4);
      int max = min + rng.nextInt(25);
      int initial = min + rng.nextInt(max - min + 1);
      LiteralConfig lits = LiteralConfig.DEFAULT.withProbability(rng.nextDouble());
      try {
        return new GenomeConfig(format, inputs, outputs, ops, min, max, initial, lits);
      } catch (IllegalArgumentException e) {
        // An output type no input has and no op makes, or too little room: draw again.
      }
    }
  }

  private static Type randomType(RandomGenerator rng) {
    // Mostly f, as in the float targets; i32 and int exercise conversions and repairs.
    int r = rng.nextInt(6);
    return r < 3 ? Type.F : r < 5 ? Type.I32 : Type.INT;
  }
}
