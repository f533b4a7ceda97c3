package numevo.runs.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import numevo.dsl.program.Program;
import numevo.dsl.text.Printer;
import numevo.evolver.enumerate.BinOp;
import numevo.evolver.enumerate.Composition;
import numevo.evolver.enumerate.EnumeratedKernel;
import numevo.evolver.enumerate.Enumeration;
import numevo.evolver.enumerate.EnumerationLevel;
import numevo.evolver.enumerate.Skeleton;
import numevo.evolver.genome.GenomeConfig;
import numevo.targets.Score;
import numevo.targets.ScoreOptions;
import numevo.targets.Scorer;
import numevo.targets.Target;

/**
 * The {@code --compose} stage of {@code numevo enumerate}: {@link Composition} over the
 * enumeration's kept shapes as cores; prints the best composed kernels with their training and
 * validation errors and writes the best three to {@code --out}.
 */
final class ComposeStage {
  private ComposeStage() {}

  static void run(
      Target t,
      Scorer scorer,
      GenomeConfig g,
      Set<BinOp> ops,
      List<EnumerationLevel> levels,
      int budget,
      int innerOps,
      int squarings,
      long seed,
      int threads,
      long deadline,
      Path out,
      PrintWriter w) {
    if (g.inputs().size() != 1) {
      throw new UserError("--compose takes targets of one input", 2);
    }
    List<Skeleton> cores = new ArrayList<>();
    for (EnumerationLevel l : levels) {
      for (EnumeratedKernel k : l.best()) {
        cores.add(k.skeleton());
      }
    }
    Enumeration.FitPoints pts = Enumeration.fitPoints(scorer, g.format(), g.inputs());
    Composition.Config config =
        Composition.Config.of(budget, seed, threads)
            .withShape(innerOps, squarings)
            .withDeadline(deadline);
    long start = System.nanoTime();
    w.printf(
        Locale.ROOT,
        "%ncompose %d ops: core(inner(x))^(2^k), inner maps of 0 to %d ops, %d cores, k <= %d%n",
        budget,
        innerOps,
        cores.size(),
        squarings);
    w.flush();
    Composition.Result r =
        Composition.run(pts.xs()[0], pts.exact(), pts.scale(), cores, ops, config);
    w.printf(
        Locale.ROOT,
        "compose: %,d of %,d grid points scanned, %,d core fits, %d polished (%.1f s)%n",
        r.gridPoints(),
        r.gridTotal(),
        r.coreFits(),
        r.kernels().size(),
        (System.nanoTime() - start) / 1e9);
    w.println("rank\tops\tk\ttrain\tvalidation\tshape");
    for (int i = 0; i < r.kernels().size(); i++) {
      Composition.Composed c = r.kernels().get(i);
      Program p =
          c.skeleton()
              .toProgram("compose" + budget + "_" + i, g.format(), g.inputs(), c.constants());
      double train = scorer.error(p);
      Score v = t.score(p, ScoreOptions.of());
      w.printf(
          Locale.ROOT,
          "%d\t%d\t%d\t%.6g\t%.6g\t%s%n",
          i,
          c.skeleton().size(),
          c.squarings(),
          train,
          v.error(),
          c.skeleton());
      if (out != null && i < 3) {
        String head =
            String.format(
                Locale.ROOT,
                "# numevo enumerate %s --compose %d: rank %d, inner %s, core %s, %d squarings%n"
                    + "# training max error %.6g; validation (100,000 points) %.6g%n",
                t.name(),
                budget,
                i,
                c.inner() == null ? "x" : c.inner(),
                c.core(),
                c.squarings(),
                train,
                v.error());
        EnumerateCommand.write(
            out.resolve(String.format(Locale.ROOT, "compose-%dops-%d.kernel", budget, i)),
            head + Printer.print(p));
      }
    }
    w.flush();
  }
}
