package numevo.evolver.genome;

import java.util.EnumSet;
import java.util.Objects;
import java.util.random.RandomGenerator;
import numevo.dsl.program.Op;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;

/**
 * Random kernels of one {@link GenomeConfig}, for initial populations: a size uniform in {@code
 * [minSize, initialMaxSize]}, instructions with ops drawn uniformly from the primitive set and
 * operands drawn from earlier values or literals, and each output the last value of its type (an
 * instruction making one is appended when none exists, after dropping trailing instructions if the
 * size limit requires). Immutable and thread-safe.
 */
public final class RandomKernels {
  private final Shape shape;

  private RandomKernels(GenomeConfig genome) {
    this.shape = new Shape(genome);
  }

  /**
   * @param genome the shape of the programs made, never null
   */
  public static RandomKernels of(GenomeConfig genome) {
    return new RandomKernels(Objects.requireNonNull(genome, "genome"));
  }

  Shape shape() {
    return shape;
  }

  /** The genome configuration. */
  public GenomeConfig genome() {
    return shape.config;
  }

  /**
   * A random kernel.
   *
   * @param rng the randomness
   * @return a program of the genome's shape
   */
  public Program next(RandomGenerator rng) {
    GenomeConfig g = shape.config;
    int size = g.minSize() + rng.nextInt(g.initialMaxSize() - g.minSize() + 1);
    Draft d = new Draft(shape);
    Op[] ops = shape.ops;
    while (d.n < size) {
      Op op = ops[rng.nextInt(ops.length)];
      d.insert(d.n, op, d.randomOperands(op, d.values(), rng));
    }
    // Room first, for an instruction making each output type no value has yet; outputs are
    // not assigned, so the last instruction feeds nothing and may go.
    EnumSet<Type> missing = EnumSet.noneOf(Type.class);
    for (Type t : shape.outputTypes) {
      if (last(d, t) < 0) {
        missing.add(t);
      }
    }
    while (d.n > 0 && d.n + missing.size() > g.maxSize()) {
      d.remove(d.n - 1);
      for (Type t : shape.outputTypes) {
        if (last(d, t) < 0) {
          missing.add(t);
        }
      }
    }
    for (Type t : missing) {
      Op[] producers = shape.producing(t);
      Op op = producers[rng.nextInt(producers.length)];
      d.insert(d.n, op, d.randomOperands(op, d.values(), rng));
    }
    for (int o = 0; o < d.outputs.length; o++) {
      d.outputs[o] = last(d, shape.outputTypes[o]);
    }
    return d.build();
  }

  private static int last(Draft d, Type t) {
    for (int v = d.values() - 1; v >= 0; v--) {
      if (d.typeOf(v) == t) {
        return v;
      }
    }
    return -1;
  }
}
