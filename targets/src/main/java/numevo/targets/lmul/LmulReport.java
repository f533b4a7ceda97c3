package numevo.targets.lmul;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import numevo.dsl.program.Program;
import numevo.dsl.text.Parser;

/**
 * Prints the scores of the shipped baselines on the three L-Mul targets as markdown tables: the
 * program behind the L-Mul numbers in the results. Extra kernel files given as arguments are scored
 * too, on the target of their format.
 *
 * <pre>
 * java -cp targets/target/classes:dsl/target/classes numevo.targets.lmul.LmulReport [FILE...]
 * </pre>
 */
public final class LmulReport {
  private LmulReport() {}

  /** Runs the report on standard output. */
  public static void main(String[] args) {
    List<Program> extra = new ArrayList<>();
    for (String a : args) {
      extra.add(Parser.parseFile(Path.of(a)).program());
    }
    print(System.out, extra);
    printUniformStudy(System.out);
  }

  /** Prints the report. */
  public static void print(PrintStream out, List<Program> extra) {
    for (String target : LmulConfig.NAMES) {
      LmulConfig config = LmulConfig.byName(target).orElseThrow();
      long t0 = System.nanoTime();
      LmulScorer scorer = LmulScorer.of(config);
      long t1 = System.nanoTime();
      out.printf(
          Locale.ROOT,
          "%n### %s (%s, %s, %d pairs; reference built in %.0f ms)%n%n",
          target,
          config.format(),
          scorer.reference().pairs().method(),
          scorer.reference().size(),
          (t1 - t0) / 1e6);
      out.println(
          "| kernel | ops | pJ | loss | exact fraction | mean rel | max rel | bias | core mean | core"
              + " bias | core min..max | mean rel vs rounded | excluded | special mismatches |"
              + " median ms |");
      out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
      List<LmulBaselines.Baseline> kernels = new ArrayList<>(LmulBaselines.all(config.format()));
      for (Program p : extra) {
        if (p.format() == config.format()) {
          kernels.add(new LmulBaselines.Baseline(p.name(), p));
        }
      }
      for (LmulBaselines.Baseline b : kernels) {
        LmulScore s = scorer.score(b.kernel());
        double ms = medianMillis(scorer, b.kernel());
        out.printf(
            Locale.ROOT,
            "| %s | %d | %.2f | %.4f | %.4f | %.4f | %.4f | %+.4f | %.4f | %+.4f | %+.4f..%+.4f | %.4f | %d |"
                + " %d | %.1f |%n",
            b.name(),
            s.cost().ops(),
            s.cost().energyPj(),
            s.loss(),
            s.exactFraction(),
            s.vsReal().mean(),
            s.vsReal().max(),
            s.vsReal().meanSigned(),
            s.vsRealCore().mean(),
            s.vsRealCore().meanSigned(),
            s.vsRealCore().minSigned(),
            s.vsRealCore().maxSigned(),
            s.vsRounded().mean(),
            s.vsReal().excluded(),
            s.specialMismatches(),
            ms);
      }
      out.println();
      out.println(
          "Special cases (pairs: kernel matching the rounded product / how results came out):");
      out.println();
      StringBuilder head = new StringBuilder("| kernel |");
      StringBuilder rule = new StringBuilder("|---|");
      LmulScore first = scorer.score(kernels.get(0).kernel());
      for (CategoryOutcome o : first.special()) {
        head.append(' ').append(o.category().key()).append(" (").append(o.pairs()).append(") |");
        rule.append("---|");
      }
      out.println(head);
      out.println(rule);
      for (LmulBaselines.Baseline b : kernels) {
        LmulScore s = scorer.score(b.kernel());
        StringBuilder row = new StringBuilder("| ").append(b.name()).append(" |");
        for (CategoryOutcome o : s.special()) {
          row.append(' ').append(o.matching()).append(" / ").append(gotText(o)).append(" |");
        }
        out.println(row);
      }
    }
  }

  /** The lmul.md protocol: uniform significands, rounded operands, 4e6 pairs. */
  public static void printUniformStudy(PrintStream out) {
    int n = 4_000_000;
    long seed = 42;
    out.printf(
        Locale.ROOT,
        "%n### lmul.md protocol: uniform significands in [1,2), %d pairs, seed %d%n%n",
        n,
        seed);
    out.println("| method | m=2 | m=3 | m=4 | m=7 |");
    out.println("|---|---|---|---|---|");
    for (UniformOperandStudy.Method method : UniformOperandStudy.Method.values()) {
      StringBuilder row = new StringBuilder("| " + method.name().toLowerCase(Locale.ROOT) + " |");
      for (int m : new int[] {2, 3, 4, 7}) {
        row.append(
            String.format(
                Locale.ROOT,
                " %.4f |",
                UniformOperandStudy.meanAbsRelativeError(method, m, n, seed)));
      }
      out.println(row);
    }
  }

  /** The median time of one score over 21 runs after 5 warm-up runs. */
  private static double medianMillis(LmulScorer scorer, Program kernel) {
    for (int i = 0; i < 5; i++) {
      scorer.score(kernel);
    }
    double[] t = new double[21];
    for (int i = 0; i < t.length; i++) {
      long t0 = System.nanoTime();
      scorer.score(kernel);
      t[i] = (System.nanoTime() - t0) / 1e6;
    }
    java.util.Arrays.sort(t);
    return t[t.length / 2];
  }

  private static String gotText(CategoryOutcome o) {
    StringBuilder sb = new StringBuilder();
    for (ResultClass r : ResultClass.values()) {
      int n = o.got().get(r);
      if (n > 0) {
        if (!sb.isEmpty()) {
          sb.append(' ');
        }
        sb.append(r.key()).append(' ').append(n);
      }
    }
    return sb.toString();
  }
}
