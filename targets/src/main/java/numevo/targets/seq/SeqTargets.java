package numevo.targets.seq;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import numevo.dsl.program.Op;
import numevo.targets.CostModel;
import numevo.targets.TargetEntry;
import numevo.targets.TargetException;
import numevo.targets.TargetParams;

/**
 * The registry entry of the sequence target, for {@link numevo.targets.Targets}: {@code
 * all.add(SeqTargets.entry())}. Its parameters, as {@code numevo score} passes them: {@code terms}
 * (a term list), or {@code data} (an OEIS stripped-format file, or a {@code .tsv} table like
 * dev.tsv, whose offsets are used) with {@code id}, at least {@link #MIN_TERMS} terms; {@code
 * holdout} (terms held out, default 10 or a third of the terms if fewer, see {@link
 * SequenceSplit#of}; a larger explicit value than a third is an error); {@code offset} (the index
 * of the first of {@code terms}, default 0); {@code order} (previous terms of the kernels a search
 * generates, default 2).
 */
public final class SeqTargets {
  private SeqTargets() {}

  /**
   * Fewest terms of a sequence: with fewer, no term would be held out ({@link SequenceSplit#of}
   * holds out at most a third) and no recurrence could be checked.
   */
  public static final int MIN_TERMS = 3;

  /** Previous terms of the kernels a search generates unless {@code order} says otherwise. */
  static final int DEFAULT_ORDER = 2;

  /** One per live instruction. */
  static final CostModel OP_COUNT = opCount();

  private static CostModel opCount() {
    Map<Op, Double> m = new EnumMap<>(Op.class);
    for (Op op : SeqTarget.COSTED_OPS) {
      m.put(op, 1.0);
    }
    return new CostModel("ops", "op-count", "ops", "one per live instruction", m, 1.0);
  }

  /** The entry. */
  public static TargetEntry entry() {
    return new TargetEntry(
        SeqTarget.NAME,
        "a recurrence reproducing an integer sequence (--terms, or --data FILE --id ID),"
            + " predicting the last terms held out",
        Set.of("terms", "data", "id", "holdout", "offset", "order"),
        SeqTargets::create);
  }

  /**
   * Builds the target from parameters.
   *
   * @throws TargetException (one line) if they are missing, contradictory or malformed, or the data
   *     cannot be read
   */
  public static SeqTarget create(TargetParams p) {
    int holdout = integer(p, "holdout", SequenceSplit.DEFAULT_HELD_OUT);
    int offset = integer(p, "offset", 0);
    int order = integer(p, "order", DEFAULT_ORDER);
    SeqConfig config = SeqConfig.defaults().withHeldOut(holdout);
    SequenceData data;
    try {
      if (p.get("terms").isPresent()) {
        if (p.get("data").isPresent() || p.get("id").isPresent()) {
          throw new TargetException("seq: give either --terms or --data with --id, not both");
        }
        data =
            SequenceData.of(
                "terms", offset, SequenceFiles.parseTerms(p.get("terms").get(), "--terms"));
      } else if (p.get("data").isPresent()) {
        String id =
            p.get("id")
                .orElseThrow(
                    () -> new TargetException("seq: --data needs --id (e.g. --id A000045)"));
        if (p.get("offset").isPresent()) {
          throw new TargetException(
              "seq: --offset goes with --terms; --data gives its own offsets");
        }
        Path file = Path.of(p.get("data").get());
        data =
            file.toString().endsWith(".tsv")
                ? SequenceFiles.readTable(file).stream()
                    .filter(d -> d.id().equals(id))
                    .findFirst()
                    .orElseThrow(() -> new TargetException(file + ": no sequence " + id))
                : SequenceFiles.readStripped(file, id);
      } else {
        throw new TargetException("seq needs --terms A,B,... or --data FILE --id ID");
      }
    } catch (SequenceFormatException e) {
      throw new TargetException(e.getMessage());
    }
    String flag =
        p.get("terms").isPresent()
            ? "--terms"
            : "--data " + p.get("data").get() + " --id " + p.get("id").orElse("");
    if (data.size() < MIN_TERMS) {
      throw TargetException.usage(
          "seq: "
              + flag
              + " gives "
              + data.size()
              + (data.size() == 1 ? " term" : " terms")
              + "; at least "
              + MIN_TERMS
              + " are needed (a third of the terms, at least one, is held out to check a"
              + " recurrence's predictions)");
    }
    int maxHoldout = data.size() / 3;
    if (p.get("holdout").isPresent() && holdout > maxHoldout) {
      throw TargetException.usage(
          "seq: --holdout "
              + holdout
              + " is more than the "
              + maxHoldout
              + " terms "
              + data.size()
              + " terms can hold out (at most a third, so that two thirds train)");
    }
    if (p.get("order").isEmpty()) {
      // The default search order must not stop a short sequence from being scored: a kernel of
      // any order is scored; only the kernels a search generates have this order.
      int train = SequenceSplit.of(data, holdout).train();
      order = Math.max(0, Math.min(order, train - 1));
    }
    return SeqTarget.of(data, config, order);
  }

  private static int integer(TargetParams p, String key, int otherwise) {
    if (p.get(key).isEmpty()) {
      return otherwise;
    }
    String v = p.get(key).get().strip();
    try {
      int x = Integer.parseInt(v);
      if (x < 0 && !key.equals("offset")) {
        throw new NumberFormatException();
      }
      return x;
    } catch (NumberFormatException e) {
      throw new TargetException(
          "seq: --"
              + key
              + " must be a"
              + (key.equals("offset") ? "n" : " nonnegative")
              + " integer, got '"
              + v
              + "'");
    }
  }
}
