package numevo.dsl.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import numevo.dsl.program.Op;
import numevo.dsl.program.Type;

/**
 * Chooses the operation a mnemonic means from the types its operands can have. Shared by the parser
 * (to resolve) and the printer (to decide when a literal needs a type suffix).
 */
final class Overloads {
  private Overloads() {}

  /** The outcome of resolving one instruction. */
  sealed interface Resolution {}

  /** Exactly one overload fits. */
  record Unique(Op op) implements Resolution {}

  /**
   * Several overloads fit; {@code operand} is the first operand whose type they disagree on.
   *
   * @param ops the fitting overloads, in declaration order
   */
  record Ambiguous(List<Op> ops, int operand) implements Resolution {}

  /**
   * No overload fits. {@code closest} is the one to build anyway so that the model's checker
   * explains the arity or type problem: same arity first, then the longest run of fitting leading
   * operands (so the error lands on the first offending operand), then the most fitting operands.
   */
  record NoMatch(Op closest) implements Resolution {}

  /**
   * @param overloads the overloads of one mnemonic, non-empty
   * @param operands for each operand, the types it can have (non-empty sets)
   */
  static Resolution resolve(List<Op> overloads, List<Set<Type>> operands) {
    List<Op> fits = new ArrayList<>();
    for (Op op : overloads) {
      if (op.arity() == operands.size() && fittingPrefix(op, operands) == op.arity()) {
        fits.add(op);
      }
    }
    if (fits.size() == 1) {
      return new Unique(fits.get(0));
    }
    if (fits.size() > 1) {
      return new Ambiguous(List.copyOf(fits), firstDisagreement(fits));
    }
    return new NoMatch(closest(overloads, operands));
  }

  private static int firstDisagreement(List<Op> fits) {
    Op first = fits.get(0);
    for (int a = 0; a < first.arity(); a++) {
      for (Op other : fits) {
        if (other.params().get(a) != first.params().get(a)) {
          return a;
        }
      }
    }
    throw new IllegalStateException("overloads with equal signatures: " + fits);
  }

  private static Op closest(List<Op> overloads, List<Set<Type>> operands) {
    Op best = null;
    long bestScore = -1;
    for (Op op : overloads) {
      long score =
          (op.arity() == operands.size() ? 1L << 40 : 0)
              + ((long) fittingPrefix(op, operands) << 20)
              + fittingCount(op, operands);
      if (score > bestScore) {
        best = op;
        bestScore = score;
      }
    }
    return best;
  }

  private static int fittingPrefix(Op op, List<Set<Type>> operands) {
    int n = Math.min(op.arity(), operands.size());
    for (int a = 0; a < n; a++) {
      if (!operands.get(a).contains(op.params().get(a))) {
        return a;
      }
    }
    return n;
  }

  private static int fittingCount(Op op, List<Set<Type>> operands) {
    int n = Math.min(op.arity(), operands.size());
    int count = 0;
    for (int a = 0; a < n; a++) {
      if (operands.get(a).contains(op.params().get(a))) {
        count++;
      }
    }
    return count;
  }
}
