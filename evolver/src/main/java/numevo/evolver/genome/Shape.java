package numevo.evolver.genome;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Input;
import numevo.dsl.program.Instr;
import numevo.dsl.program.Op;
import numevo.dsl.program.Operand;
import numevo.dsl.program.Operand.FloatLit;
import numevo.dsl.program.Operand.I32Lit;
import numevo.dsl.program.Operand.IntLit;
import numevo.dsl.program.Operand.Ref;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;
import numevo.dsl.random.RandomLiterals;

/**
 * What the edits derive once from a {@link GenomeConfig}: op tables by result type and by
 * signature, value names that cannot clash with the inputs, the float constants rounded to the
 * format, and literal drawing. Immutable and thread-safe.
 */
final class Shape {
  /** The name of every kernel the genome builds. */
  static final String KERNEL_NAME = "evolved";

  final GenomeConfig config;
  final NumberFormat format;
  final int inputCount;
  final Type[] inputTypes;
  final Type[] outputTypes;
  final Op[] ops;
  private final Map<Type, Op[]> byResult = new EnumMap<>(Type.class);
  private final Map<Op, Op[]> sameSignature = new EnumMap<>(Op.class);
  private final String[] names;
  private final String prefix;
  private final double[] floatConstants;

  Shape(GenomeConfig config) {
    this.config = config;
    this.format = config.format();
    this.inputCount = config.inputs().size();
    this.inputTypes = config.inputTypes().toArray(Type[]::new);
    this.outputTypes = config.outputTypes().toArray(Type[]::new);
    this.ops = config.ops().toArray(Op[]::new);
    for (Type t : Type.values()) {
      byResult.put(t, config.ops().stream().filter(op -> op.result() == t).toArray(Op[]::new));
    }
    for (Op op : ops) {
      sameSignature.put(
          op,
          config.ops().stream()
              .filter(o -> o != op && o.result() == op.result() && o.params().equals(op.params()))
              .toArray(Op[]::new));
    }
    String p = "t";
    while (startsAnInputName(config.inputs(), p)) {
      p += "_";
    }
    this.prefix = p;
    this.names = new String[Math.min(config.maxSize(), 4096)];
    for (int i = 0; i < names.length; i++) {
      names[i] = p + i;
    }
    List<Double> constants = new ArrayList<>();
    for (double c : config.literals().floats()) {
      double r = format.round(c);
      if (Double.isFinite(r) && !constants.contains(r)) {
        constants.add(r);
      }
    }
    this.floatConstants = constants.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static boolean startsAnInputName(List<Input> inputs, String prefix) {
    return inputs.stream().anyMatch(in -> in.name().startsWith(prefix));
  }

  /** The allowed ops giving {@code t}; possibly empty. */
  Op[] producing(Type t) {
    return byResult.get(t);
  }

  /** The allowed ops other than {@code op} with its exact signature; possibly empty. */
  Op[] sameSignatureAs(Op op) {
    Op[] s = sameSignature.get(op);
    return s == null ? new Op[0] : s;
  }

  /** Whether {@code op} is in the primitive set. */
  boolean allows(Op op) {
    return sameSignature.containsKey(op);
  }

  String valueName(int instruction) {
    return instruction < names.length ? names[instruction] : prefix + instruction;
  }

  /**
   * A random literal of type {@code t}, as {@link LiteralConfig} describes: for an i32 or int, one
   * of the configured integer constants half of the time (when there are any).
   */
  Operand literal(Type t, RandomGenerator rng) {
    LiteralConfig lc = config.literals();
    if (t != Type.F && !lc.ints().isEmpty() && rng.nextBoolean()) {
      long c = lc.ints().get(rng.nextInt(lc.ints().size()));
      return t == Type.I32 ? I32Lit.of((int) c) : IntLit.of(BigInteger.valueOf(c));
    }
    return switch (t) {
      case F -> FloatLit.of(floatLiteral(rng));
      case I32 ->
          I32Lit.of(
              rng.nextInt(8) == 0
                  ? RandomLiterals.i32Value(rng)
                  : rng.nextInt(2 * lc.intSpan() + 1) - lc.intSpan());
      case INT -> IntLit.of(BigInteger.valueOf(rng.nextInt(2 * lc.intSpan() + 1) - lc.intSpan()));
    };
  }

  /** A random finite value of the format: a constant half of the time, else uniform in the span. */
  double floatLiteral(RandomGenerator rng) {
    if (floatConstants.length > 0 && rng.nextBoolean()) {
      return floatConstants[rng.nextInt(floatConstants.length)];
    }
    double span = config.literals().floatSpan();
    double v = format.round(span == 0 ? 0 : rng.nextDouble(-span, span));
    return Double.isFinite(v) ? v : 0.0;
  }

  /**
   * Whether {@code p} has this shape: the format, the inputs, the output types, a size within the
   * limits and only allowed ops.
   */
  boolean fits(Program p) {
    if (p.format() != format
        || !p.inputs().equals(config.inputs())
        || !p.outputTypes().equals(config.outputTypes())
        || p.body().size() < config.minSize()
        || p.body().size() > config.maxSize()) {
      return false;
    }
    for (Instr ins : p.body()) {
      if (!allows(ins.op())) {
        return false;
      }
    }
    return true;
  }

  /** Builds the program of a draft, naming values canonically. */
  Program build(Draft d) {
    List<Instr> body = new ArrayList<>(d.n);
    for (int i = 0; i < d.n; i++) {
      body.add(new Instr(valueName(i), d.ops[i], List.of(d.args[i])));
    }
    List<Ref> outs = new ArrayList<>(d.outputs.length);
    for (int o : d.outputs) {
      outs.add(Refs.of(o));
    }
    return new Program(KERNEL_NAME, format, config.inputs(), body, outs);
  }
}
