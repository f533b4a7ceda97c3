package numevo.runs.exec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import numevo.evolver.fitness.FrontEntry;
import numevo.evolver.fitness.KernelFront;
import numevo.evolver.search.GenerationStats;
import numevo.evolver.search.Stat;
import numevo.evolver.search.StopConfig;

/**
 * What a running search shows: on a terminal a live progress bar (elapsed and remaining time,
 * generation, best error at a few costs, front size, scorings per second, cache hit rate); when the
 * output is not a terminal, a plain line every few seconds summing the generations since the last.
 */
abstract sealed class Progress permits Progress.Lines, Progress.Bar {

  /**
   * The bar on a terminal (the launcher sets NUMEVO_TTY when standard output is one), else lines.
   */
  static Progress of(PrintWriter w, double seconds, StopConfig stop, long from, KernelFront front) {
    boolean tty = "1".equals(System.getenv("NUMEVO_TTY"));
    return tty ? new Bar(stop, from, front) : new Lines(w, seconds, from);
  }

  /** A kernel entered the run's front. */
  abstract void entered(FrontEntry e);

  /** A generation ended. */
  abstract void generation(GenerationStats s);

  /** The search ended: the bar is closed. */
  abstract void close();

  /** The plain periodic lines. */
  static final class Lines extends Progress {
    private final PrintWriter w;
    private final double seconds;
    private long lastPrint = System.nanoTime();
    private GenerationStats since;
    private long firstSince;

    Lines(PrintWriter w, double seconds, long from) {
      this.w = w;
      this.seconds = seconds;
      this.firstSince = from + 1;
    }

    @Override
    void entered(FrontEntry e) {}

    @Override
    void generation(GenerationStats s) {
      // A line sums the generations since the last one: a single generation's counts would miss
      // what happens every few generations (tuning).
      since = since == null ? s : since.plus(s);
      long now = System.nanoTime();
      if ((now - lastPrint) / 1e9 >= seconds) {
        lastPrint = now;
        w.println(since.summary(firstSince));
        w.flush();
        since = null;
        firstSince = s.generation() + 1;
      }
    }

    @Override
    void close() {}
  }

  /** The live bar, on standard error. */
  static final class Bar extends Progress {
    private final ProgressBar bar;
    private final StopConfig stop;
    private final KernelFront front;
    private final long started = System.nanoTime();
    private long scorings;
    private long proposed;
    private long answered;

    Bar(StopConfig stop, long from, KernelFront front) {
      this.stop = stop;
      this.front = front;
      ProgressBarBuilder b =
          new ProgressBarBuilder()
              .setTaskName("search")
              .setStyle(ProgressBarStyle.ASCII)
              .setUpdateIntervalMillis(500)
              .continuousUpdate();
      if (stop.generations() > 0) {
        b.setInitialMax(stop.generations()).setUnit(" gen", 1);
      } else if (!stop.time().isZero()) {
        b.setInitialMax(stop.time().toSeconds()).setUnit(" s", 1);
      } else {
        b.setInitialMax(Math.max(1, stop.evaluations() / 1000)).setUnit(" k scorings", 1);
      }
      bar = b.build();
      bar.stepTo(stop.generations() > 0 ? from : 0);
    }

    @Override
    void entered(FrontEntry e) {
      front.offer(e);
    }

    @Override
    void generation(GenerationStats s) {
      scorings += s.scorings();
      proposed += s.get(Stat.PROPOSED);
      answered += s.get(Stat.CACHE_HITS) + s.get(Stat.DUPLICATE_HITS);
      double secs = Math.max(1e-9, (System.nanoTime() - started) / 1e9);
      if (stop.generations() > 0) {
        bar.stepTo(s.generation());
      } else if (!stop.time().isZero()) {
        bar.stepTo(Math.min(bar.getMax(), (long) secs));
      } else {
        bar.stepTo(Math.min(bar.getMax(), scorings / 1000));
      }
      bar.setExtraMessage(
          String.format(
              Locale.ROOT,
              " gen %d | front %d | best %s | %,.0f scorings/s | cache %.0f%%",
              s.generation(),
              s.frontSize(),
              bestAtCosts(),
              scorings / secs,
              proposed == 0 ? 0.0 : 100.0 * answered / proposed));
    }

    /** The best error at up to three costs of the front: the cheapest, the middle, the best. */
    private String bestAtCosts() {
      List<FrontEntry> f = front.entries();
      if (f.isEmpty()) {
        return "-";
      }
      List<FrontEntry> picks = new ArrayList<>();
      picks.add(f.get(0));
      if (f.size() > 2) {
        picks.add(f.get(f.size() / 2));
      }
      if (f.size() > 1) {
        picks.add(f.get(f.size() - 1));
      }
      List<String> parts = new ArrayList<>();
      for (FrontEntry e : picks) {
        parts.add(
            String.format(
                Locale.ROOT, "%.3g@%s", e.fitness().error(), FrontOutput.num(e.fitness().cost())));
      }
      return String.join(" ", parts);
    }

    @Override
    void close() {
      bar.close();
    }
  }
}
