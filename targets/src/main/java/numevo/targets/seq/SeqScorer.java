package numevo.targets.seq;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import numevo.dsl.eval.Batch;
import numevo.dsl.eval.ColumnarEvaluator;
import numevo.dsl.eval.EvaluationException;
import numevo.dsl.eval.Interpreter;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;

/**
 * Scores recurrences on one split sequence ({@link SeqScore}). Thread-safe; each call evaluates on
 * its own.
 *
 * <p>Every position from the recurrence's start to the end of the data is evaluated in one columnar
 * pass, the kernel's inputs being the data's own previous terms. If that pass is invalid (an
 * inexact or zero division somewhere), the positions are redone one at a time with the interpreter,
 * in order, up to the first invalid one. Before anything runs, {@link GrowthBound} checks that no
 * value can pass the bound of {@link SeqConfig}; a kernel that could is rejected with no term
 * matched.
 */
public final class SeqScorer {
  private final SequenceSplit split;
  private final SeqConfig config;
  private final long bitLimit;
  private final int indexBits;
  private final int termBits;
  private final BigInteger[] indices;

  private SeqScorer(SequenceSplit split, SeqConfig config) {
    this.split = split;
    this.config = config;
    SequenceData d = split.data();
    this.termBits = d.maxBits();
    this.bitLimit = config.bitLimit(termBits);
    long first = d.offset();
    long last = d.offset() + (long) d.size() - 1;
    this.indexBits =
        Math.max(BigInteger.valueOf(first).bitLength(), BigInteger.valueOf(last).bitLength());
    this.indices = new BigInteger[d.size()];
    for (int i = 0; i < indices.length; i++) {
      indices[i] = BigInteger.valueOf(first + i);
    }
  }

  /** A scorer for {@code data}, split by {@code config}'s held-out rule. */
  public static SeqScorer of(SequenceData data, SeqConfig config) {
    Objects.requireNonNull(config, "config");
    return new SeqScorer(SequenceSplit.of(data, config.heldOut()), config);
  }

  /** A scorer for a given split. */
  public static SeqScorer of(SequenceSplit split, SeqConfig config) {
    Objects.requireNonNull(split, "split");
    Objects.requireNonNull(config, "config");
    return new SeqScorer(split, config);
  }

  /** The split scored on. */
  public SequenceSplit split() {
    return split;
  }

  /** The configuration. */
  public SeqConfig config() {
    return config;
  }

  /** The largest bit length any value may reach ({@link SeqConfig#bitLimit}). */
  public long bitLimit() {
    return bitLimit;
  }

  /** Scores a kernel with as many initial terms as its order. */
  public SeqScore score(Program kernel) {
    return score(Recurrence.of(kernel));
  }

  /**
   * Scores a recurrence.
   *
   * @throws IllegalArgumentException if the recurrence needs more initial terms than there are
   *     training terms
   */
  public SeqScore score(Recurrence rec) {
    Program kernel = rec.kernel();
    RecurrenceShape shape = rec.shape();
    int start = rec.start();
    int train = split.train();
    int total = split.data().size();
    checkStart(start);
    int size = liveOps(kernel);
    long[] inputBits = new long[kernel.inputs().size()];
    for (int i = 0; i < inputBits.length; i++) {
      inputBits[i] = shape.usesIndex() && i == 0 ? indexBits : termBits;
    }
    long bound = GrowthBound.maxBits(kernel, inputBits, bitLimit);
    if (bound > bitLimit) {
      return new SeqScore(
          start,
          train,
          0,
          split.heldOut(),
          0,
          size,
          Optional.of("values could exceed the bound of " + bitLimit + " bits"),
          start + 2.0 * (train - start));
    }
    int points = total - start;
    ColumnarEvaluator ev = ColumnarEvaluator.of(kernel, points);
    Batch in = inputs(shape);
    Batch out = ev.newOutputBatch();
    Optional<String> failure = Optional.empty();
    int valid = points;
    try {
      ev.evaluate(in, out, points);
    } catch (EvaluationException e) {
      // Find the first invalid position; the ones before it are still good.
      Interpreter interp = Interpreter.of(kernel);
      Object[] tuple = new Object[kernel.inputs().size()];
      for (int i = 0; i < points; i++) {
        for (int p = 0; p < tuple.length; p++) {
          tuple[p] = in.get(p, i);
        }
        try {
          out.set(0, i, interp.eval(tuple)[0]);
        } catch (EvaluationException invalid) {
          valid = i;
          failure =
              Optional.of(
                  "invalid at a("
                      + (split.data().offset() + start + i)
                      + "): "
                      + invalid.getMessage());
          break;
        }
      }
    }
    return tally(start, out, valid, size, failure);
  }

  /**
   * Scores outputs a kernel computed elsewhere (e.g. compiled) from {@link #inputs}.
   *
   * @param kernel the kernel, in the convention; its order is the start
   * @param outputs its one int output column, one point per position from the start to the end of
   *     the data
   * @throws IllegalArgumentException if the kernel needs more initial terms than there are training
   *     terms, or the column is too short
   */
  public SeqScore score(Program kernel, Batch outputs) {
    int start = RecurrenceShape.of(kernel).order();
    checkStart(start);
    int points = split.data().size() - start;
    if (outputs.capacity() < points) {
      throw new IllegalArgumentException(
          split.data().id() + ": " + outputs.capacity() + " outputs for " + points + " terms");
    }
    return tally(start, outputs, points, liveOps(kernel), Optional.empty());
  }

  /**
   * The inputs of a kernel of the given shape at every position from its start (its order) to the
   * end of the data, as the data's own previous terms: one point per position.
   */
  public Batch inputs(RecurrenceShape shape) {
    int start = shape.order();
    int points = split.data().size() - start;
    List<Type> types = new ArrayList<>();
    for (int p = 0; p < shape.order() + (shape.usesIndex() ? 1 : 0); p++) {
      types.add(Type.INT);
    }
    Batch in = Batch.of(types, Math.max(points, 0));
    for (int i = 0; i < points; i++) {
      fillInputs(shape, start + i, in, i);
    }
    return in;
  }

  private void checkStart(int start) {
    if (start >= split.train()) {
      throw new IllegalArgumentException(
          split.data().id()
              + ": the recurrence needs "
              + start
              + " initial terms, but there are only "
              + split.train()
              + " training terms");
    }
  }

  /** Counts the consecutive matches of the first {@code valid} outputs. */
  private SeqScore tally(int start, Batch out, int valid, int size, Optional<String> failure) {
    int train = split.train();
    List<BigInteger> terms = split.data().terms();
    int matched = 0;
    long[] small = out.intSmall(0);
    BigInteger[] big = out.intBig(0);
    while (matched < valid && equal(small[matched], big[matched], terms.get(start + matched))) {
      matched++;
    }
    int trainMatched = Math.min(matched, train - start);
    int heldOutMatched = matched > train - start ? matched - (train - start) : 0;
    // The training loss: every training position, right, wrong or without output.
    int positions = train - start;
    double loss = start;
    for (int i = matched; i < positions; i++) {
      if (i >= valid) {
        loss += 1;
      } else if (!equal(small[i], big[i], terms.get(start + i))) {
        loss += distance(small[i], big[i], terms.get(start + i));
      }
    }
    return new SeqScore(
        start, train, trainMatched, split.heldOut(), heldOutMatched, size, failure, loss);
  }

  /**
   * The relative error {@code min(1, |y - t| / max(1, |t|))}, at least the smallest positive double
   * (a miss is never a match).
   */
  static double distance(long small, BigInteger big, BigInteger term) {
    BigInteger y = big != null ? big : BigInteger.valueOf(small);
    BigInteger diff = y.subtract(term).abs();
    BigInteger scale = term.abs().max(BigInteger.ONE);
    double d = Math.pow(2, log2OnePlus(diff) - log2OnePlus(scale));
    return Math.max(Double.MIN_VALUE, Math.min(1.0, d));
  }

  /** {@code log2(1 + x)} for {@code x >= 0}, to about double precision. */
  private static double log2OnePlus(BigInteger x) {
    int bits = x.bitLength();
    if (bits < 1000) {
      return Math.log1p(x.doubleValue()) / Math.log(2);
    }
    return bits - 53 + Math.log(x.shiftRight(bits - 53).doubleValue()) / Math.log(2);
  }

  /** Whether an output (64-bit part and overlay) equals a term, without allocating. */
  private static boolean equal(long small, BigInteger big, BigInteger term) {
    if (big != null) {
      return big.equals(term);
    }
    return term.bitLength() < 64 && term.longValue() == small;
  }

  private void fillInputs(RecurrenceShape shape, int position, Batch in, int i) {
    List<BigInteger> terms = split.data().terms();
    int p = 0;
    if (shape.usesIndex()) {
      in.setInt(p++, i, indices[position]);
    }
    for (int j = 1; j <= shape.order(); j++) {
      in.setInt(p++, i, terms.get(position - j));
    }
  }

  private static int liveOps(Program kernel) {
    boolean[] live = kernel.liveValues();
    int k = kernel.inputs().size();
    int n = 0;
    for (int i = 0; i < kernel.body().size(); i++) {
      n += live[k + i] ? 1 : 0;
    }
    return n;
  }
}
