package numevo.evolver.hash;

import java.util.List;
import numevo.dsl.program.Instr;
import numevo.dsl.program.Op;
import numevo.dsl.program.Operand;
import numevo.dsl.program.Operand.IntLit;
import numevo.dsl.program.Operand.Ref;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;
import numevo.hashing.Batch;
import numevo.hashing.ModP;

/**
 * Evaluates exact-{@code int} kernels modulo the prime {@link ModP#P} on the hashing module's
 * probes: the mod-p path of {@link ProgramHasher}. Only polynomial ops are supported ({@code add},
 * {@code sub}, {@code mul}, {@code neg} on {@code int}); the exact value of such a program, reduced
 * modulo {@code P}, is what this computes, so its hash depends only on the polynomial the program
 * computes.
 */
final class ModPKernels {
  private ModPKernels() {}

  /** Whether every type is {@code int}. */
  static boolean allInt(List<Type> inputs, List<Type> outputs) {
    return inputs.stream().allMatch(t -> t == Type.INT)
        && outputs.stream().allMatch(t -> t == Type.INT);
  }

  /** Whether every instruction of {@code p} (dead code stripped by the caller) is polynomial. */
  static boolean supports(Program p) {
    for (Instr ins : p.body()) {
      switch (ins.op()) {
        case ZADD, ZSUB, ZMUL, ZNEG -> {}
        default -> {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Computes {@code p} modulo {@code P} at every probe of {@code batch} into its int outputs.
   *
   * @param p a program {@link #supports} accepts, all of whose inputs and outputs are {@code int}
   * @return true (the evaluation cannot be invalid)
   */
  static boolean evaluate(Program p, Batch batch) {
    int k = p.inputs().size();
    int n = batch.size();
    long[][] v = new long[k + p.body().size()][];
    for (int i = 0; i < k; i++) {
      v[i] = batch.intInput(i);
    }
    for (int j = 0; j < p.body().size(); j++) {
      Instr ins = p.body().get(j);
      long[] out = new long[n];
      Op op = ins.op();
      long[] a = column(ins.args().get(0), v, n);
      if (op == Op.ZNEG) {
        for (int i = 0; i < n; i++) {
          out[i] = ModP.neg(a[i]);
        }
      } else {
        long[] b = column(ins.args().get(1), v, n);
        switch (op) {
          case ZADD -> {
            for (int i = 0; i < n; i++) {
              out[i] = ModP.add(a[i], b[i]);
            }
          }
          case ZSUB -> {
            for (int i = 0; i < n; i++) {
              out[i] = ModP.sub(a[i], b[i]);
            }
          }
          case ZMUL -> {
            for (int i = 0; i < n; i++) {
              out[i] = ModP.mul(a[i], b[i]);
            }
          }
          default -> throw new IllegalArgumentException("not polynomial: " + op);
        }
      }
      v[k + j] = out;
    }
    for (int o = 0; o < p.outputs().size(); o++) {
      System.arraycopy(v[p.outputs().get(o).index()], 0, batch.output(o), 0, n);
    }
    return true;
  }

  /** An operand as a column of residues: a value's own, or a literal's repeated. */
  private static long[] column(Operand o, long[][] v, int n) {
    return switch (o) {
      case Ref r -> v[r.index()];
      case IntLit l -> {
        long[] c = new long[n];
        java.util.Arrays.fill(c, residue(l));
        yield c;
      }
      default -> throw new IllegalArgumentException("not an int operand: " + o);
    };
  }

  private static long residue(IntLit l) {
    return l.value().mod(java.math.BigInteger.valueOf(ModP.P)).longValue();
  }
}
