package numevo.dsl.random;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;
import numevo.dsl.program.Input;
import numevo.dsl.program.Instr;
import numevo.dsl.program.Op;
import numevo.dsl.program.Operand;
import numevo.dsl.program.Operand.Ref;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;

/**
 * Generates random valid programs. Immutable and thread-safe; the same config and the same random
 * sequence give the same program.
 *
 * <p>Each instruction draws its op uniformly from the config's ops. Each operand refers to a random
 * earlier value of the right type or, with the config's literal probability, is a literal from
 * {@link RandomLiterals}. When no value of the needed type exists yet, half the time a producer of
 * that type (an allowed op whose operands all have values, e.g. a conversion) is inserted first, if
 * the size allows; otherwise the operand is a literal. Inputs are named {@code x0, x1, ...},
 * instructions {@code t0, t1, ...}, the kernel {@code random}; the first output is the last value,
 * the others random values.
 */
public final class RandomPrograms {
  private final RandomProgramConfig config;

  private RandomPrograms(RandomProgramConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /**
   * @param config never null
   */
  public static RandomPrograms of(RandomProgramConfig config) {
    return new RandomPrograms(config);
  }

  /** The config this generator follows. */
  public RandomProgramConfig config() {
    return config;
  }

  /**
   * Generates one program.
   *
   * @param rng the randomness, never null
   * @return a program that passes the checker, with {@code config().inputTypes()} inputs, between
   *     {@code minSize} and {@code maxSize} instructions and {@code outputs} outputs
   */
  public Program next(RandomGenerator rng) {
    Objects.requireNonNull(rng, "rng");
    return new Build(rng).program();
  }

  /** The state of one generation. */
  private final class Build {
    private final RandomGenerator rng;
    private final int size;
    private final List<Input> inputs = new ArrayList<>();
    private final List<Instr> body = new ArrayList<>();
    private final Map<Type, List<Integer>> byType = new EnumMap<>(Type.class);

    Build(RandomGenerator rng) {
      this.rng = rng;
      this.size = config.minSize() + rng.nextInt(config.maxSize() - config.minSize() + 1);
      for (Type t : Type.values()) {
        byType.put(t, new ArrayList<>());
      }
    }

    Program program() {
      List<Type> types = config.inputTypes();
      for (int i = 0; i < types.size(); i++) {
        inputs.add(Input.of("x" + i, types.get(i)));
        byType.get(types.get(i)).add(i);
      }
      List<Op> ops = config.ops();
      while (body.size() < size) {
        Op op = ops.get(rng.nextInt(ops.size()));
        List<Operand> args = new ArrayList<>(op.arity());
        for (Type t : op.params()) {
          args.add(operand(t));
        }
        add(op, args);
      }
      int values = inputs.size() + body.size();
      List<Ref> outputs = new ArrayList<>(config.outputs());
      outputs.add(Ref.of(values - 1));
      while (outputs.size() < config.outputs()) {
        outputs.add(Ref.of(rng.nextInt(values)));
      }
      return Program.of("random", config.format(), inputs, body, outputs);
    }

    private Operand operand(Type t) {
      List<Integer> candidates = byType.get(t);
      if (candidates.isEmpty() && body.size() + 2 <= size && rng.nextBoolean()) {
        Op producer = producer(t);
        if (producer != null) {
          List<Operand> args = new ArrayList<>(producer.arity());
          for (Type p : producer.params()) {
            args.add(reference(p));
          }
          add(producer, args);
        }
      }
      if (candidates.isEmpty() || rng.nextDouble() < config.literalProbability()) {
        return RandomLiterals.literal(t, config.format(), rng);
      }
      return reference(t);
    }

    private Ref reference(Type t) {
      List<Integer> candidates = byType.get(t);
      return Ref.of(candidates.get(rng.nextInt(candidates.size())));
    }

    /** A random allowed op giving {@code t} whose operands all have values; null if none. */
    private Op producer(Type t) {
      List<Op> producers = new ArrayList<>();
      for (Op op : config.ops()) {
        if (op.result() == t && op.params().stream().noneMatch(p -> byType.get(p).isEmpty())) {
          producers.add(op);
        }
      }
      return producers.isEmpty() ? null : producers.get(rng.nextInt(producers.size()));
    }

    private void add(Op op, List<Operand> args) {
      int index = inputs.size() + body.size();
      body.add(new Instr("t" + body.size(), op, args));
      byType.get(op.result()).add(index);
    }
  }
}
