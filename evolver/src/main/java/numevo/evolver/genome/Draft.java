package numevo.evolver.genome;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import numevo.dsl.program.Instr;
import numevo.dsl.program.Op;
import numevo.dsl.program.Operand;
import numevo.dsl.program.Operand.Ref;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;

/**
 * A mutable working copy of a program that the edits change in place and then build. Every method
 * keeps the draft well formed (references point to earlier values of the operand's type), so the
 * built program passes the checker by construction; the edits only choose what to change.
 *
 * <p>Values are numbered as in {@link Program}: inputs first, then one per instruction.
 */
final class Draft {
  final Shape shape;
  final int k;
  Op[] ops;
  Operand[][] args;
  int n;
  int[] outputs;

  /** A draft of {@code p}, which must have the shape's inputs. */
  Draft(Shape shape, Program p) {
    this.shape = shape;
    this.k = shape.inputCount;
    List<Instr> body = p.body();
    this.n = body.size();
    int cap = Math.max(4, n + 2);
    this.ops = new Op[cap];
    this.args = new Operand[cap][];
    for (int i = 0; i < n; i++) {
      Instr ins = body.get(i);
      ops[i] = ins.op();
      args[i] = ins.args().toArray(Operand[]::new);
    }
    this.outputs = new int[p.outputs().size()];
    for (int o = 0; o < outputs.length; o++) {
      outputs[o] = p.outputs().get(o).index();
    }
  }

  /** An empty draft: no instructions, outputs not yet set (-1). */
  Draft(Shape shape) {
    this.shape = shape;
    this.k = shape.inputCount;
    this.n = 0;
    this.ops = new Op[8];
    this.args = new Operand[8][];
    this.outputs = new int[shape.outputTypes.length];
    Arrays.fill(outputs, -1);
  }

  Program build() {
    return shape.build(this);
  }

  int values() {
    return k + n;
  }

  Type typeOf(int v) {
    return v < k ? shape.inputTypes[v] : ops[v - k].result();
  }

  Type typeOf(Operand o) {
    return o instanceof Ref r ? typeOf(r.index()) : o.literalType().orElseThrow();
  }

  /**
   * Inserts an instruction before instruction {@code pos}; references to values at or after {@code
   * k + pos} shift up by one. Its operands must refer to values before {@code k + pos}.
   */
  void insert(int pos, Op op, Operand[] operands) {
    if (n == ops.length) {
      ops = Arrays.copyOf(ops, 2 * n);
      args = Arrays.copyOf(args, 2 * n);
    }
    int v = k + pos;
    for (int i = n - 1; i >= pos; i--) {
      ops[i + 1] = ops[i];
      args[i + 1] = shift(args[i], v, 1);
    }
    ops[pos] = op;
    args[pos] = operands;
    n++;
    for (int o = 0; o < outputs.length; o++) {
      if (outputs[o] >= v) {
        outputs[o]++;
      }
    }
  }

  /**
   * Removes instruction {@code i}, which nothing may use any more; references to later values shift
   * down by one.
   */
  void remove(int i) {
    int v = k + i;
    for (int j = i; j < n - 1; j++) {
      ops[j] = ops[j + 1];
      args[j] = shift(args[j + 1], v, -1);
    }
    n--;
    ops[n] = null;
    args[n] = null;
    for (int o = 0; o < outputs.length; o++) {
      if (outputs[o] > v) {
        outputs[o]--;
      } else if (outputs[o] == v) {
        throw new IllegalStateException("removing a value an output uses");
      }
    }
  }

  /**
   * The operands with references at or above {@code from} moved by {@code delta}; a copy if any.
   */
  private static Operand[] shift(Operand[] a, int from, int delta) {
    Operand[] out = a;
    for (int x = 0; x < a.length; x++) {
      if (a[x] instanceof Ref r && r.index() >= from) {
        if (delta < 0 && r.index() == from) {
          throw new IllegalStateException("removing a value an instruction uses");
        }
        if (out == a) {
          out = a.clone();
        }
        out[x] = Refs.of(r.index() + delta);
      }
    }
    return out;
  }

  /** Sets operand {@code a} of instruction {@code i}; the caller keeps its type and order right. */
  void setOperand(int i, int a, Operand o) {
    Operand[] row = args[i].clone();
    row[a] = o;
    args[i] = row;
  }

  /** Which values some output depends on. */
  boolean[] live() {
    boolean[] live = new boolean[values()];
    for (int o : outputs) {
      if (o >= 0) {
        live[o] = true;
      }
    }
    for (int i = n - 1; i >= 0; i--) {
      if (live[k + i]) {
        for (Operand a : args[i]) {
          if (a instanceof Ref r) {
            live[r.index()] = true;
          }
        }
      }
    }
    return live;
  }

  /**
   * A random value of type {@code t} with index below {@code before}, other than {@code exclude};
   * -1 if there is none.
   */
  int randomValue(Type t, int before, int exclude, RandomGenerator rng) {
    int count = 0;
    for (int v = 0; v < before; v++) {
      if (v != exclude && typeOf(v) == t) {
        count++;
      }
    }
    if (count == 0) {
      return -1;
    }
    int pick = rng.nextInt(count);
    for (int v = 0; v < before; v++) {
      if (v != exclude && typeOf(v) == t && pick-- == 0) {
        return v;
      }
    }
    throw new AssertionError();
  }

  /**
   * A random operand of type {@code t} valid before value {@code before}: a literal with the
   * configured probability or when no value of the type exists, else a reference.
   */
  Operand randomOperand(Type t, int before, RandomGenerator rng) {
    if (rng.nextDouble() >= shape.config.literals().probability()) {
      int v = randomValue(t, before, -1, rng);
      if (v >= 0) {
        return Refs.of(v);
      }
    }
    return shape.literal(t, rng);
  }

  /** Random operands for {@code op} at value position {@code before}. */
  Operand[] randomOperands(Op op, int before, RandomGenerator rng) {
    Operand[] a = new Operand[op.arity()];
    for (int x = 0; x < a.length; x++) {
      a[x] = randomOperand(op.params().get(x), before, rng);
    }
    return a;
  }
}
