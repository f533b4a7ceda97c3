package numevo.runs.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import numevo.targets.Target;
import numevo.targets.TargetException;
import numevo.targets.TargetParams;
import numevo.targets.Targets;
import picocli.CommandLine.Option;

/** The parameters of parameterized targets (the seq target's data), shared by the commands. */
final class TargetParamOptions {

  @Option(names = "--terms", paramLabel = "A,B,...", description = "seq: the sequence's terms")
  String terms;

  @Option(names = "--data", paramLabel = "FILE", description = "seq: an OEIS stripped-format file")
  String data;

  @Option(names = "--id", paramLabel = "A000045", description = "seq: the sequence's id in --data")
  String id;

  @Option(names = "--holdout", paramLabel = "K", description = "seq: terms held out (default 10)")
  String holdout;

  @Option(
      names = "--offset",
      paramLabel = "N",
      description = "seq: the index of the first of --terms (default 0)")
  String offset;

  @Option(
      names = "--order",
      paramLabel = "K",
      description =
          "seq, search and targets only: previous terms the kernels a search generates see"
              + " (search: default 4, fewer for short sequences); score and tune take a kernel's"
              + " order from its inputs")
  String order;

  @Option(
      names = "--train",
      paramLabel = "all|normal",
      description =
          "lmul-*: the training pairs: all (the default) or normal (normal operands and product"
              + " only: the first stage of a staged search; the final front is checked on every"
              + " pair)")
  String train;

  @Option(
      names = "--loss",
      paramLabel = "real|exact",
      description =
          "lmul-*: the loss: real (the default: mean relative error against the real product,"
              + " capped at 1, and 1 per wrong special case) or exact (plus 1 per pair whose code"
              + " is not the correctly rounded product's: the real error cannot tell ties rounded"
              + " up from ties rounded to even)")
  String loss;

  /**
   * Refuses {@code --order} for a command that scores a given kernel, whose order its inputs fix.
   *
   * @throws UserError (usage) if {@code --order} was given
   */
  void rejectOrder(String command) {
    if (order != null) {
      throw new UserError(
          "--order: "
              + command
              + " takes a kernel's order from its inputs (a1 .. ak); --order only sets the"
              + " order of the kernels a search generates",
          2);
    }
  }

  /** The parameters given, by key ({@code terms}, {@code data}, ...). */
  TargetParams params() {
    return TargetParams.of(values());
  }

  /**
   * The target named {@code nameOrPath} with these parameters.
   *
   * @throws UserError if there is no such target or the parameters do not fit it
   */
  Target resolve(String nameOrPath) {
    try {
      return Targets.resolve(nameOrPath, params());
    } catch (TargetException e) {
      throw new UserError(e.getMessage(), e.aboutUsage() ? 2 : 1);
    }
  }

  /** The parameters given, by key, in a new mutable map. */
  Map<String, String> values() {
    Map<String, String> m = new LinkedHashMap<>();
    put(m, "terms", terms);
    put(m, "data", data);
    put(m, "id", id);
    put(m, "holdout", holdout);
    put(m, "offset", offset);
    put(m, "order", order);
    put(m, "train", train);
    put(m, "loss", loss);
    return m;
  }

  private static void put(Map<String, String> m, String k, String v) {
    if (v != null) {
      m.put(k, v);
    }
  }
}
