package numevo.evolver.enumerate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Input;
import numevo.dsl.program.Instr;
import numevo.dsl.program.Operand;
import numevo.dsl.program.Program;

/**
 * A straight-line program shape: {@code n} binary float ops whose operands are earlier values (the
 * inputs first, then one value per op) or free constants, the last op being the output. Constants
 * are numbered in the order they appear. Immutable.
 *
 * <p>Operand encoding: a value index {@code >= 0} ({@code < inputs} for an input, {@code inputs +
 * j} for op {@code j}'s result), or {@link #CONST} for a free constant.
 */
public final class Skeleton {
  /** The operand code of a free constant. */
  public static final int CONST = -1;

  private final int inputs;
  private final BinOp[] ops;
  private final int[] left;
  private final int[] right;
  private final int constants;

  private Skeleton(int inputs, BinOp[] ops, int[] left, int[] right) {
    this.inputs = inputs;
    this.ops = ops;
    this.left = left;
    this.right = right;
    int c = 0;
    for (int i = 0; i < ops.length; i++) {
      c += (left[i] == CONST ? 1 : 0) + (right[i] == CONST ? 1 : 0);
    }
    this.constants = c;
  }

  /**
   * A skeleton from its op and operand arrays (copied).
   *
   * @throws IllegalArgumentException if an operand refers to a later value, an op has two constant
   *     operands, or there is no op
   */
  public static Skeleton of(int inputs, BinOp[] ops, int[] left, int[] right) {
    int n = ops.length;
    if (inputs < 1 || n < 1 || left.length != n || right.length != n) {
      throw new IllegalArgumentException("need at least one input and one op");
    }
    for (int i = 0; i < n; i++) {
      if (left[i] >= inputs + i || right[i] >= inputs + i || left[i] < CONST || right[i] < CONST) {
        throw new IllegalArgumentException("op " + i + " refers to a later value");
      }
      if (left[i] == CONST && right[i] == CONST) {
        throw new IllegalArgumentException("op " + i + " has two constant operands");
      }
    }
    return new Skeleton(inputs, ops.clone(), left.clone(), right.clone());
  }

  /** Number of inputs. */
  public int inputs() {
    return inputs;
  }

  /** Number of ops. */
  public int size() {
    return ops.length;
  }

  /** Number of free constants. */
  public int constants() {
    return constants;
  }

  /** Op {@code i}. */
  public BinOp op(int i) {
    return ops[i];
  }

  /** Op {@code i}'s left operand code. */
  public int left(int i) {
    return left[i];
  }

  /** Op {@code i}'s right operand code. */
  public int right(int i) {
    return right[i];
  }

  /**
   * The kernel this shape is with the given constants, named {@code name}: one instruction per op,
   * the last one the output.
   *
   * @param constants at least {@link #constants()} values, in order of appearance
   */
  public Program toProgram(String name, NumberFormat format, List<Input> in, double[] constants) {
    if (in.size() != inputs) {
      throw new IllegalArgumentException("expected " + inputs + " inputs, got " + in.size());
    }
    List<Instr> body = new ArrayList<>(ops.length);
    int c = 0;
    for (int i = 0; i < ops.length; i++) {
      Operand a = left[i] == CONST ? Operand.FloatLit.of(constants[c++]) : Operand.Ref.of(left[i]);
      Operand b =
          right[i] == CONST ? Operand.FloatLit.of(constants[c++]) : Operand.Ref.of(right[i]);
      body.add(Instr.of("t" + i, ops[i].op(), a, b));
    }
    return Program.of(name, format, in, body, List.of(Operand.Ref.of(inputs + ops.length - 1)));
  }

  /** The shape in the DSL's style, constants as {@code c0, c1...}: {@code t0 = add x c0; ...}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    int c = 0;
    for (int i = 0; i < ops.length; i++) {
      if (i > 0) {
        sb.append("; ");
      }
      sb.append('t').append(i).append(" = ").append(ops[i].op().mnemonic()).append(' ');
      c = name(sb, left[i], c);
      sb.append(' ');
      c = name(sb, right[i], c);
    }
    return sb.toString();
  }

  private int name(StringBuilder sb, int v, int c) {
    if (v == CONST) {
      sb.append('c').append(c);
      return c + 1;
    }
    if (v < inputs) {
      sb.append(inputs == 1 ? "x" : "x" + v);
    } else {
      sb.append('t').append(v - inputs);
    }
    return c;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Skeleton s
        && s.inputs == inputs
        && Arrays.equals(s.ops, ops)
        && Arrays.equals(s.left, left)
        && Arrays.equals(s.right, right);
  }

  @Override
  public int hashCode() {
    return (Arrays.hashCode(ops) * 31 + Arrays.hashCode(left)) * 31 + Arrays.hashCode(right);
  }
}
