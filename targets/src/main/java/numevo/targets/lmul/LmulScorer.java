package numevo.targets.lmul;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import numevo.dsl.eval.Batch;
import numevo.dsl.eval.ColumnarEvaluator;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;
import numevo.targets.CostModel;

/**
 * Scores product kernels against a {@link ProductReference}: one columnar evaluation per chunk of
 * at most {@value #CHUNK} pairs, then one pass over the results without allocation.
 *
 * <p>The kernel must take two i32 inputs (the codes {@code a}, {@code b}) and return one i32 (a
 * code; only the format's low bits count), and be written in the target's format. The reference and
 * the input columns are built once; {@link #score} is thread-safe (each call has its own
 * evaluator).
 */
public final class LmulScorer {

  /** Pairs per columnar evaluation. */
  public static final int CHUNK = 1 << 16;

  private static final List<Type> SIGNATURE = List.of(Type.I32, Type.I32);

  private final String name;
  private final ProductReference reference;
  private final CostModel energy;
  private final NumberFormat format;
  private final List<Batch> inputs;
  private final boolean exactLoss;

  private LmulScorer(String name, ProductReference reference, CostModel energy, boolean exactLoss) {
    this.name = name;
    this.exactLoss = exactLoss;
    this.reference = reference;
    this.energy = energy;
    this.format = reference.pairs().format();
    OperandPairs pairs = reference.pairs();
    List<Batch> chunks = new ArrayList<>();
    for (int from = 0; from < pairs.size(); from += CHUNK) {
      Batch in = Batch.of(SIGNATURE, CHUNK);
      pairs.copy(from, Math.min(CHUNK, pairs.size() - from), in.i32(0), in.i32(1));
      chunks.add(in);
    }
    this.inputs = List.copyOf(chunks);
  }

  /** A scorer for a target configuration (computes its pairs and reference). */
  public static LmulScorer of(LmulConfig config) {
    return new LmulScorer(
        config.name(),
        ProductReference.of(config.pairs(), config.saturation()),
        config.energy(),
        false);
  }

  /**
   * A scorer for a given reference, e.g. on hand-picked pairs.
   *
   * @param name the name reported as the target
   * @param reference the reference, never null
   * @param energy the energy model, never null
   */
  public static LmulScorer of(String name, ProductReference reference, CostModel energy) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(energy, "energy");
    return new LmulScorer(name, reference, energy, false);
  }

  /**
   * This scorer with the exactness term in its loss: every pair of the subnormal and normal
   * categories whose code differs from the correctly rounded product's adds 1 more (the loss is
   * then in {@code [0, 2]}). The plain loss, a relative error against the real product, cannot tell
   * a tie rounded up from one rounded to even (both are equally far from the real product), so a
   * kernel that rounds half up has the exact kernel's loss; with this term only the exact product
   * has the least loss. Shares the pairs and reference.
   */
  public LmulScorer withExactLoss() {
    return new LmulScorer(name, reference, energy, true);
  }

  /** Whether the loss has the exactness term ({@link #withExactLoss}). */
  public boolean exactLoss() {
    return exactLoss;
  }

  /** The target's name. */
  public String name() {
    return name;
  }

  /** The reference scored against. */
  public ProductReference reference() {
    return reference;
  }

  /**
   * Checks that a kernel fits the target.
   *
   * @throws IllegalArgumentException naming the first mismatch, one line
   */
  public void checkShape(Program kernel) {
    if (!kernel.inputTypes().equals(SIGNATURE)) {
      throw new IllegalArgumentException(
          name
              + ": a kernel takes two i32 codes (input a : i32, input b : i32), not "
              + kernel.inputTypes());
    }
    if (!kernel.outputTypes().equals(List.of(Type.I32))) {
      throw new IllegalArgumentException(
          name + ": a kernel returns one i32 code, not " + kernel.outputTypes());
    }
    if (kernel.format() != format) {
      throw new IllegalArgumentException(
          name + ": the kernel is written in " + kernel.format() + ", the target is " + format);
    }
  }

  /**
   * Scores a kernel on every pair.
   *
   * @param kernel a kernel of the target's shape (see {@link #checkShape})
   * @return its score
   * @throws IllegalArgumentException if the kernel does not fit the target
   */
  public LmulScore score(Program kernel) {
    checkShape(kernel);
    ColumnarEvaluator ev = ColumnarEvaluator.of(kernel, CHUNK);
    Batch out = ev.newOutputBatch();
    Tally t = new Tally();
    int n = reference.size();
    for (int c = 0; c < inputs.size(); c++) {
      int from = c * CHUNK;
      int len = Math.min(CHUNK, n - from);
      ev.evaluate(inputs.get(c), out, len);
      t.add(out.i32(0), from, len);
    }
    return t.result(kernel);
  }

  /**
   * Scores codes a kernel computed elsewhere (e.g. compiled) from the pairs, in their order.
   *
   * @param kernel the kernel that computed them, for its cost
   * @param codes one output per pair, at least {@link ProductReference#size()}; only the format's
   *     low bits count
   * @throws IllegalArgumentException if the kernel does not fit the target or there are too few
   *     codes
   */
  public LmulScore score(Program kernel, int[] codes) {
    checkShape(kernel);
    if (codes.length < reference.size()) {
      throw new IllegalArgumentException(
          name + ": " + codes.length + " outputs for " + reference.size() + " pairs");
    }
    Tally t = new Tally();
    t.add(codes, 0, reference.size());
    return t.result(kernel);
  }

  /** The running tallies of one scoring call. */
  private final class Tally {
    private final int mask = (int) format.codeMask();
    private final double minNormal = format.minNormal();
    private final int[] refCode = reference.codes();
    private final boolean[] refNaN = reference.nans();
    private final double[] exact = reference.exacts();
    private final double[] rounded = reference.roundeds();
    private final byte[] category = reference.categories();
    private final boolean[] core = reference.cores();
    private final int[][] got =
        new int[ProductCategory.values().length][ResultClass.values().length];
    private final int[] matching = new int[ProductCategory.values().length];
    private final ErrorStats.Accumulator vsReal = new ErrorStats.Accumulator();
    private final ErrorStats.Accumulator vsCore = new ErrorStats.Accumulator();
    private final ErrorStats.Accumulator vsRounded = new ErrorStats.Accumulator();
    private int exactCount;
    private double loss;

    void add(int[] results, int from, int len) {
      for (int i = 0; i < len; i++) {
        int j = from + i;
        int code = results[i] & mask;
        double v = format.decode(code);
        int cat = category[j];
        boolean match = code == refCode[j] || (v != v && refNaN[j]);
        if (match) {
          exactCount++;
          matching[cat]++;
        }
        got[cat][classOf(v)]++;
        if (cat >= ProductCategory.SUBNORMAL.ordinal()) {
          if (Double.isFinite(v)) {
            double p = exact[j];
            double e = (v - p) / p;
            loss += Math.min(Math.abs(e), 1.0);
            if (exactLoss && !match) {
              loss += 1.0;
            }
            vsReal.add(e);
            vsRounded.add((v - rounded[j]) / rounded[j]);
            if (core[j]) {
              vsCore.add(e);
            }
          } else {
            loss += exactLoss ? 2.0 : 1.0;
            vsReal.exclude();
            vsRounded.exclude();
            if (core[j]) {
              vsCore.exclude();
            }
          }
        } else if (!match) {
          loss += 1.0;
        }
      }
    }

    private int classOf(double v) {
      if (v != v) {
        return ResultClass.NAN.ordinal();
      }
      double m = Math.abs(v);
      if (m == Double.POSITIVE_INFINITY) {
        return ResultClass.INF.ordinal();
      }
      if (m == 0.0) {
        return ResultClass.ZERO.ordinal();
      }
      return m < minNormal ? ResultClass.SUBNORMAL.ordinal() : ResultClass.NORMAL.ordinal();
    }

    LmulScore result(Program kernel) {
      List<CategoryOutcome> special = new ArrayList<>();
      for (ProductCategory c : ProductCategory.values()) {
        Map<ResultClass, Integer> m = new EnumMap<>(ResultClass.class);
        for (ResultClass r : ResultClass.values()) {
          m.put(r, got[c.ordinal()][r.ordinal()]);
        }
        special.add(new CategoryOutcome(c, reference.count(c), matching[c.ordinal()], m));
      }
      return new LmulScore(
          name,
          reference.pairs().method(),
          reference.size(),
          exactCount,
          reference.size() == 0 ? Double.NaN : loss / reference.size(),
          vsReal.result(),
          vsCore.result(),
          vsRounded.result(),
          special,
          KernelCost.of(kernel, energy));
    }
  }
}
