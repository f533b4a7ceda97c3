package numevo.runs.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import numevo.targets.Baseline;
import numevo.targets.CostModel;
import numevo.targets.Target;
import numevo.targets.TargetEntry;
import numevo.targets.TargetException;
import numevo.targets.TargetParams;
import numevo.targets.Targets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code numevo targets [TARGET]}: lists the targets, or describes one. */
@Command(
    name = "targets",
    mixinStandardHelpOptions = true,
    description = {
      "Lists the built-in targets, or describes one. Without a TARGET, one line each; with a",
      "TARGET (a name or a FILE.target), its signature, domain size, objective, primitives,",
      "cost model and baselines.",
      "The seq target takes its data (--terms, or --data FILE --id ID); its baselines are then",
      "what the classical solvers (Berlekamp-Massey, P-recursive guesser) find."
    })
final class TargetsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "TARGET", description = "a target name or target file")
  String target;

  @Mixin TargetParamOptions targetParams;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (target == null) {
      int width = Targets.builtIn().stream().mapToInt(e -> e.name().length()).max().orElse(0);
      for (TargetEntry e : Targets.builtIn()) {
        out.println(String.format(Locale.ROOT, "%-" + width + "s  %s", e.name(), e.summary()));
      }
      out.flush();
      return 0;
    }
    TargetParams params = targetParams.params();
    Optional<TargetEntry> entry = Targets.entry(target);
    if (params.isEmpty() && entry.isPresent() && !entry.get().params().isEmpty()) {
      // A target built from data (seq): describe what it takes instead of failing for lack of it.
      TargetEntry e = entry.get();
      Target t;
      try {
        t = e.create(params);
      } catch (TargetException ex) {
        out.println(e.name() + ": " + e.summary());
        out.println(
            "  parameters: "
                + e.params().stream().sorted().map(k -> "--" + k).collect(Collectors.joining(" ")));
        out.println(
            "  describe it on data to see its kernels, primitives, cost model and baselines, e.g.");
        out.println(
            "  numevo targets "
                + e.name()
                + " --data ../shared/data/oeis/OEIS_clean.txt --id A000045");
        out.flush();
        return 0;
      }
      describe(t, out);
      out.flush();
      return 0;
    }
    Target t = targetParams.resolve(target);
    describe(t, out);
    out.flush();
    return 0;
  }

  static void describe(Target t, PrintWriter out) {
    out.println(t.name() + ": " + t.summary());
    out.println("  kernels:    " + t.signature());
    out.println(
        "  domain:     "
            + (t.domainSize().isPresent()
                ? String.format(
                    Locale.ROOT,
                    "%,d points, exhaustive scoring available",
                    t.domainSize().getAsLong())
                : "too large to enumerate; scored on samples"));
    out.println("  objective:  " + t.objective());
    out.println("  primitives: " + t.primitives());
    CostModel c = t.costModel();
    out.println("  cost:       " + c.name() + " (" + c.unit() + "): " + c.source());
    if (t.baselines().isEmpty()) {
      out.println("  baselines:  none");
    } else {
      out.println("  baselines:");
      for (Baseline b : t.baselines()) {
        out.println(
            String.format(
                Locale.ROOT,
                "    %-16s %3d ops  %6s %s  %s",
                b.name(),
                c.ops(b.program()),
                cost(c.cost(b.program())),
                c.unit(),
                b.summary()));
      }
    }
  }

  /** A cost with the digits it has: 24, 1.9, 0.2 (not "2" and "0" for the L-Mul energies). */
  static String cost(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e9) {
      return Long.toString((long) v);
    }
    return String.format(Locale.ROOT, "%.3g", v).replaceAll("\\.?0+$", "");
  }
}
