package numevo.evolver.genome;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import numevo.dsl.eval.EvaluationException;
import numevo.dsl.eval.Interpreter;
import numevo.dsl.program.Instr;
import numevo.dsl.program.Limits;
import numevo.dsl.program.Operand;
import numevo.dsl.program.Operand.FloatLit;
import numevo.dsl.program.Operand.I32Lit;
import numevo.dsl.program.Operand.IntLit;
import numevo.dsl.program.Operand.Ref;
import numevo.dsl.program.Program;

/**
 * Whole-program utilities for the search: dead-code removal, constant folding and fitting seeds to
 * a genome.
 */
public final class Kernels {
  private Kernels() {}

  /**
   * The program without the instructions no output depends on, names and order kept.
   *
   * @param p any program
   * @return {@code p} itself if it has no dead code
   */
  public static Program stripDead(Program p) {
    boolean[] live = p.liveValues();
    int k = p.inputs().size();
    int[] map = new int[p.valueCount()];
    int next = k;
    boolean any = false;
    for (int v = 0; v < map.length; v++) {
      if (v < k) {
        map[v] = v;
      } else if (live[v]) {
        map[v] = next++;
      } else {
        map[v] = -1;
        any = true;
      }
    }
    if (!any) {
      return p;
    }
    List<Instr> body = new ArrayList<>();
    for (int i = 0; i < p.body().size(); i++) {
      if (!live[k + i]) {
        continue;
      }
      Instr ins = p.body().get(i);
      List<Operand> args = new ArrayList<>(ins.args().size());
      for (Operand o : ins.args()) {
        args.add(o instanceof Ref r ? Refs.of(map[r.index()]) : o);
      }
      body.add(new Instr(ins.name(), ins.op(), args));
    }
    List<Ref> outs = p.outputs().stream().map(r -> Refs.of(map[r.index()])).toList();
    return new Program(p.name(), p.format(), p.inputs(), body, outs);
  }

  /**
   * The program with its constant subexpressions folded, for showing and exporting a kernel (never
   * inside a search: the search scores and costs kernels as they were made). An instruction whose
   * operands are all literals (after folding the instructions before it) is evaluated once with the
   * reference {@link Interpreter} in the kernel's format, so its value is bit for bit the one the
   * kernel computes, and each of its users reads that value as a literal; the instructions no
   * output then depends on are removed ({@link #stripDead}). Outputs are references to values, so
   * an instruction an output refers to stays (with its operands folded): a kernel whose output is a
   * constant keeps one instruction, e.g. {@code t0 = neg -1.5; output t0}.
   *
   * <p>An instruction is not folded where its evaluation is invalid (an inexact {@code int}
   * division, an {@code int} beyond the limits) or its value would not be a legal literal (an
   * {@code int} of more than {@link Limits#MAX_LITERAL_BITS} bits): then the kernel computes it as
   * before. The folded kernel computes the same outputs on every input; its cost can be lower.
   *
   * @param p any program
   * @return {@code p} without dead code if nothing folds ({@code p} itself if it has none)
   */
  public static Program foldConstants(Program p) {
    int k = p.inputs().size();
    Operand[] constant = new Operand[p.valueCount()];
    List<Instr> body = new ArrayList<>(p.body().size());
    boolean changed = false;
    for (int i = 0; i < p.body().size(); i++) {
      Instr ins = p.body().get(i);
      List<Operand> args = new ArrayList<>(ins.args().size());
      boolean literals = true;
      boolean substituted = false;
      for (Operand o : ins.args()) {
        Operand a = o;
        if (o instanceof Ref r && constant[r.index()] != null) {
          a = constant[r.index()];
          substituted = true;
        }
        literals &= !(a instanceof Ref);
        args.add(a);
      }
      Instr folded = substituted ? new Instr(ins.name(), ins.op(), args) : ins;
      changed |= substituted;
      body.add(folded);
      if (literals) {
        constant[k + i] = evaluate(p, folded);
      }
    }
    Program q = changed ? new Program(p.name(), p.format(), p.inputs(), body, p.outputs()) : p;
    return stripDead(q);
  }

  /**
   * The value of an instruction whose operands are all literals, as a literal; null if its
   * evaluation is invalid or its value is no legal literal.
   */
  private static Operand evaluate(Program p, Instr ins) {
    Object v;
    try {
      Program one = new Program(p.name(), p.format(), List.of(), List.of(ins), List.of(Ref.of(0)));
      v = Interpreter.of(one).eval()[0];
    } catch (EvaluationException e) {
      return null;
    }
    return switch (v) {
      case Double d -> FloatLit.of(d);
      case Integer n -> I32Lit.of(n);
      case BigInteger z -> z.bitLength() <= Limits.MAX_LITERAL_BITS ? IntLit.of(z) : null;
      default -> throw new IllegalStateException("unexpected value " + v);
    };
  }

  /**
   * Whether two kernels have the same live code: after removing dead instructions, the same ops
   * with the same operands in the same order and the same outputs (value names aside). Such kernels
   * compute the same function.
   */
  public static boolean sameLiveCode(Program a, Program b) {
    Program x = stripDead(a);
    Program y = stripDead(b);
    if (x.body().size() != y.body().size() || !x.outputs().equals(y.outputs())) {
      return false;
    }
    for (int i = 0; i < x.body().size(); i++) {
      Instr p = x.body().get(i);
      Instr q = y.body().get(i);
      if (p.op() != q.op() || !p.args().equals(q.args())) {
        return false;
      }
    }
    return true;
  }

  /**
   * A seed kernel in the genome's canonical form: the genome's input names, canonical value names,
   * the genome's kernel name.
   *
   * @param seed a kernel of the genome's format, input types, output types and primitive set,
   *     within its size limits
   * @param genome the genome
   * @return the canonical program, equal in function to {@code seed}
   * @throws IllegalArgumentException if {@code seed} does not fit the genome, saying why
   */
  public static Program fit(Program seed, GenomeConfig genome) {
    Shape shape = new Shape(genome);
    if (seed.format() != genome.format()) {
      throw new IllegalArgumentException(
          "seed '" + seed.name() + "' is " + seed.format() + ", the search " + genome.format());
    }
    if (!seed.inputTypes().equals(genome.inputTypes())) {
      throw new IllegalArgumentException(
          "seed '"
              + seed.name()
              + "' takes "
              + seed.inputTypes()
              + ", the search "
              + genome.inputTypes());
    }
    if (!seed.outputTypes().equals(genome.outputTypes())) {
      throw new IllegalArgumentException(
          "seed '"
              + seed.name()
              + "' returns "
              + seed.outputTypes()
              + ", the search "
              + genome.outputTypes());
    }
    for (Instr ins : seed.body()) {
      if (!shape.allows(ins.op())) {
        throw new IllegalArgumentException(
            "seed '" + seed.name() + "' uses " + ins.op() + ", outside the primitive set");
      }
    }
    int n = seed.body().size();
    if (n < genome.minSize() || n > genome.maxSize()) {
      throw new IllegalArgumentException(
          "seed '"
              + seed.name()
              + "' has "
              + n
              + " instructions, outside ["
              + genome.minSize()
              + ", "
              + genome.maxSize()
              + "]");
    }
    return new Draft(shape, seed).build();
  }

  /**
   * A 64-bit fingerprint of a program's text (name, format, inputs, instructions with their names,
   * ops and operands, outputs): equal programs have equal fingerprints, on any machine and JVM (it
   * uses only specified hash codes). For population digests and remembering programs; two different
   * programs collide with probability about 2^-64.
   */
  public static long fingerprint(Program p) {
    long h = mix(0x6e75_6d65_766f_4650L ^ p.name().hashCode());
    h = mix(h ^ p.format().name().hashCode());
    for (numevo.dsl.program.Input in : p.inputs()) {
      h = mix(h ^ in.name().hashCode());
      h = mix(h ^ in.type().name().hashCode());
    }
    for (numevo.dsl.program.Instr ins : p.body()) {
      h = mix(h ^ ins.name().hashCode());
      h = mix(h ^ ins.op().name().hashCode());
      for (numevo.dsl.program.Operand a : ins.args()) {
        long v =
            switch (a) {
              case numevo.dsl.program.Operand.Ref r -> 0x1_0000_0000L | r.index();
              case numevo.dsl.program.Operand.FloatLit f ->
                  mix(Double.doubleToRawLongBits(f.value())) ^ 2;
              case numevo.dsl.program.Operand.I32Lit i ->
                  0x3_0000_0000L | (i.value() & 0xffff_ffffL);
              case numevo.dsl.program.Operand.IntLit z -> mix(z.value().hashCode()) ^ 4;
            };
        h = mix(h ^ v);
      }
    }
    for (numevo.dsl.program.Operand.Ref r : p.outputs()) {
      h = mix(h ^ (0x5_0000_0000L | r.index()));
    }
    return h;
  }

  /** SplitMix64's finalizer. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58_476d_1ce4_e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d0_49bb_1331_11ebL;
    return z ^ (z >>> 31);
  }
}
