package numevo.runs.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import numevo.targets.Baseline;
import numevo.targets.CostModel;
import numevo.targets.Target;
import numevo.targets.TargetEntry;
import numevo.targets.TargetException;
import numevo.targets.TargetParams;
import numevo.targets.Targets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code numevo targets [TARGET]}: lists the targets, or describes one. */
@Command(
    name = "targets",
    mixinStandardHelpOptions = true,
    description = {
      "Lists every built-in target, one line each; with a TARGET (a name or a FILE.target),",
      "describes it: signature, domain size, objective, primitives, cost model and baselines."
    })
final class TargetsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "TARGET", description = "a target name or target file")
  String target;

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
    Target t;
    try {
      t = Targets.resolve(target, TargetParams.none());
    } catch (TargetException e) {
      throw new UserError(e.getMessage());
    }
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
                "    %-16s %3d ops  %5.0f %s  %s",
                b.name(),
                c.ops(b.program()),
                c.cost(b.program()),
                c.unit(),
                b.summary()));
      }
    }
  }
}
