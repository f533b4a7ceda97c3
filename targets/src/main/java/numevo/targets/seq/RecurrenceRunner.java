package numevo.targets.seq;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import numevo.dsl.eval.EvaluationException;
import numevo.dsl.eval.Interpreter;

/**
 * Runs a recurrence forward from its initial terms on its own output, e.g. to extend a sequence
 * past its data. Each step is first checked by {@link GrowthBound} against a bit limit, so a
 * recurrence that grows too fast (a(n) = a(n-1)^2 doubles its length every step) stops at the limit
 * instead of running out of time or memory.
 */
public final class RecurrenceRunner {
  private RecurrenceRunner() {}

  /**
   * The terms computed, and why the run stopped early.
   *
   * @param terms the initial terms followed by those computed (copied)
   * @param stop why the run ended before the requested length, or empty
   */
  public record Run(List<BigInteger> terms, Optional<String> stop) {
    public Run {
      terms = List.copyOf(terms);
      Objects.requireNonNull(stop, "stop");
    }
  }

  /**
   * Runs a recurrence.
   *
   * @param rec the recurrence
   * @param initial its first {@code rec.start()} terms (at least that many; extra ones are ignored)
   * @param offset the index of the first initial term
   * @param length the number of terms wanted, initial ones included
   * @param bitLimit the largest bit length a value may reach
   */
  public static Run run(
      Recurrence rec, List<BigInteger> initial, int offset, int length, long bitLimit) {
    RecurrenceShape shape = rec.shape();
    if (initial.size() < rec.start()) {
      throw new IllegalArgumentException(
          "the recurrence needs " + rec.start() + " initial terms, got " + initial.size());
    }
    List<BigInteger> terms = new ArrayList<>(initial.subList(0, rec.start()));
    Interpreter interp = Interpreter.of(rec.kernel());
    int arity = rec.kernel().inputs().size();
    Object[] tuple = new Object[arity];
    long[] bits = new long[arity];
    while (terms.size() < length) {
      int pos = terms.size();
      BigInteger n = BigInteger.valueOf((long) offset + pos);
      int p = 0;
      if (shape.usesIndex()) {
        tuple[p] = n;
        bits[p++] = n.bitLength();
      }
      for (int j = 1; j <= shape.order(); j++) {
        BigInteger a = terms.get(pos - j);
        tuple[p] = a;
        bits[p++] = a.bitLength();
      }
      if (GrowthBound.maxBits(rec.kernel(), bits, bitLimit) > bitLimit) {
        return new Run(
            terms,
            Optional.of("a(" + n + ") could exceed the bound of " + bitLimit + " bits; stopped"));
      }
      try {
        terms.add((BigInteger) interp.eval(tuple)[0]);
      } catch (EvaluationException e) {
        return new Run(terms, Optional.of("a(" + n + ") is invalid: " + e.getMessage()));
      }
    }
    return new Run(terms, Optional.empty());
  }
}
