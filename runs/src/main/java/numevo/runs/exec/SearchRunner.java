package numevo.runs.exec;

import java.io.PrintWriter;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import numevo.dsl.text.Printer;
import numevo.evolver.fitness.FrontEntry;
import numevo.evolver.fitness.KernelFront;
import numevo.evolver.rank.FrontRanker;
import numevo.evolver.rank.RankPolicy;
import numevo.evolver.rank.RankResult;
import numevo.evolver.rank.Ranked;
import numevo.evolver.search.GenerationStats;
import numevo.evolver.search.IslandRunner;
import numevo.evolver.search.Search;
import numevo.evolver.search.SearchListener;
import numevo.evolver.search.SearchResult;
import numevo.evolver.search.SearchState;
import numevo.evolver.search.SearchStateCodec;
import numevo.evolver.search.StopConfig;
import numevo.runs.cli.Plural;
import numevo.runs.cli.UserError;
import numevo.runs.store.GenerationRow;
import numevo.runs.store.RunDb;
import numevo.runs.store.RunDir;
import numevo.runs.store.RunStatus;

/**
 * Runs a search as a stored run: a new one, or a resumed one from its last checkpoint. Generations
 * and front entries go to the run's store at each barrier, a checkpoint at the first barrier after
 * {@code checkpointSeconds} (and where the search stops), each in one transaction. Ctrl-C and
 * SIGTERM stop the search at its next barrier, which writes a checkpoint, and the process exits.
 *
 * <p>A resumed run recomputes the generations between its checkpoint and the last stored one and
 * checks them against the store before it writes new ones: a resume that would diverge stops with
 * an error instead of mixing two histories.
 */
public final class SearchRunner {

  /**
   * How to run.
   *
   * @param threads worker threads
   * @param progressSeconds seconds between progress lines
   * @param checkpointSeconds the least seconds between checkpoints
   * @param out the directory to export the front to, or null
   * @param json where to write the results as one JSON document at the end, or null
   */
  public record Options(
      int threads, double progressSeconds, double checkpointSeconds, Path out, PrintWriter json) {

    /** Options without JSON. */
    public Options(int threads, double progressSeconds, double checkpointSeconds, Path out) {
      this(threads, progressSeconds, checkpointSeconds, out, null);
    }
  }

  private final RunDir dir;
  private final RunDb db;
  private final RunPlan plan;
  private final Options options;
  private final PrintWriter w;
  private final IslandRunner islands;

  private SearchRunner(
      RunDir dir, RunDb db, RunPlan plan, Options options, PrintWriter w, IslandRunner islands) {
    this.dir = dir;
    this.db = db;
    this.plan = plan;
    this.options = options;
    this.w = w;
    this.islands = islands;
  }

  /**
   * Runs a plan in a run directory whose store is new ({@code state == null}) or from the store's
   * last checkpoint.
   *
   * @return the exit code
   */
  public static int run(
      RunDir dir, RunDb db, FileLock lock, RunPlan plan, Options options, PrintWriter w) {
    return new SearchRunner(dir, db, plan, options, w, null).run(lock);
  }

  /**
   * Runs a plan as {@link #run(RunDir, RunDb, FileLock, RunPlan, Options, PrintWriter)} does, with
   * the islands run by {@code islands} (a cluster): the results are the same.
   *
   * @param islands runs the islands between barriers; null for islands in this process
   * @return the exit code
   */
  public static int run(
      RunDir dir,
      RunDb db,
      FileLock lock,
      RunPlan plan,
      Options options,
      PrintWriter w,
      IslandRunner islands) {
    return new SearchRunner(dir, db, plan, options, w, islands).run(lock);
  }

  private int run(FileLock lock) {
    SearchState state = null;
    var cp = db.lastCheckpoint();
    if (cp.isPresent()) {
      try {
        state = SearchStateCodec.read(cp.get().state());
      } catch (SearchStateCodec.StateFormatException e) {
        throw new UserError(
            dir.databaseFile()
                + ": checkpoint of generation "
                + cp.get().generation()
                + " unreadable: "
                + e.getMessage(),
            1);
      }
    }
    List<GenerationRow> stored = db.generations();
    var config = plan.config();
    w.println("target " + plan.target().name() + ": " + plan.target().summary());
    w.println(
        "search: seed "
            + config.seed()
            + ", "
            + Plural.of(config.islands().islands(), "island")
            + " of "
            + config.engine().populationSize()
            + " on "
            + Plural.of(config.islands().threads(), "thread")
            + ", "
            + Plural.of(config.genome().ops().size(), "op")
            + ", at most "
            + Plural.of(config.genome().maxSize(), "instruction")
            + ", "
            + (config.seeds().isEmpty()
                ? "from scratch"
                : Plural.of(config.seeds().size(), "seed kernel"))
            + ", "
            + stopText(config.stop()));
    w.println(
        "training: "
            + plan.scorer().scorer().objective()
            + " on "
            + plan.scorer().scorer().description());
    plan.notes().forEach(w::println);
    w.println(
        "run: "
            + dir.path()
            + (state == null
                ? stored.isEmpty() ? "" : " (no checkpoint yet: starting again from generation 0)"
                : " (resumed from the checkpoint of generation " + state.generation() + ")"));
    w.flush();

    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch finished = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              stop.set(true);
              try {
                finished.await(120, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "numevo-checkpoint-on-exit");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return search(state, stored, stop);
    } finally {
      w.flush();
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // Shutting down: the hook is running and exits once we return.
      }
    }
  }

  private int search(SearchState state, List<GenerationRow> stored, AtomicBoolean stop) {
    long processStart = System.nanoTime();
    long baseElapsedMs = state == null ? 0 : state.timings().elapsed().toMillis();
    long storedUpTo = stored.isEmpty() ? 0 : stored.get(stored.size() - 1).generation();
    KernelFront front = KernelFront.of();
    if (state != null) {
      state.front().forEach(front::offer);
    }
    Store store =
        new Store(
            stored,
            storedUpTo,
            processStart,
            baseElapsedMs,
            stop,
            state == null ? 0 : state.generation(),
            front);
    db.status(RunStatus.RUNNING, null);
    Search search = Search.of(plan.config(), plan.scorer());
    if (islands != null) {
      search = search.withRunner(islands);
    }
    double loadBefore = loadAverage();
    SearchResult r;
    try {
      r = state == null ? search.run(store) : search.resume(state, store);
    } finally {
      store.progress.close();
      long t0 = System.nanoTime();
      store.drain();
      store.waitNanos += System.nanoTime() - t0;
    }
    double loadAfter = loadAverage();
    if (!store.finalStored) {
      // The search stopped inside a batch (an error or scoring limit): its final front is newer
      // than the last checkpoint's.
      db.front(r.front(), r.generation());
    }
    boolean interrupted = Search.INTERRUPTED.equals(r.stopReason());
    db.status(interrupted ? RunStatus.INTERRUPTED : RunStatus.FINISHED, r.stopReason());
    if (!r.history().isEmpty()) {
      w.println(r.history().get(r.history().size() - 1).summary());
    }
    Throughput tp =
        Throughput.of(
            r,
            plan.scorer().scorer().points(),
            plan.scorer().scorer().description(),
            plan.config().islands(),
            loadBefore,
            loadAfter);
    w.print(tp.text());
    w.println(FrontOutput.cacheText(r));
    double searchSeconds = (System.nanoTime() - processStart) / 1e9;
    w.println(
        String.format(
            Locale.ROOT,
            "store: %d checkpoints (the last %,d bytes), %.1f ms each to encode and write; the"
                + " search waited %.3f s for the store (%.2f%% of this process's %.1f s), whose"
                + " thread was busy %.3f s",
            store.checkpoints,
            store.lastStateBytes,
            store.checkpoints == 0
                ? 0.0
                : store.checkpointWriteNanos.get() / 1e6 / store.checkpoints,
            store.waitNanos / 1e9,
            100 * store.waitNanos / 1e9 / searchSeconds,
            searchSeconds,
            store.writerNanos.get() / 1e9));
    if (interrupted) {
      w.println(
          "interrupted at generation "
              + r.generation()
              + " (checkpoint written); continue with: numevo resume "
              + dir.path());
      w.flush();
      return 130;
    }
    w.flush();
    RankResult ranked = rank(r, searchSeconds);
    FrontOutput.Shown shown = FrontOutput.show(plan, r, ranked, w);
    if (plan.measured()) {
      FrontOutput.writeMeasured(dir.path().resolve(numevo.runs.bench.MeasuredCost.FILE), shown);
    }
    if (options.out() != null) {
      FrontOutput.write(options.out(), plan, r, tp, shown, w);
      FrontOutput.writeRecords(options.out(), plan.target(), store.records, store.discoveries);
    }
    w.println("run stored in " + dir.path() + " (numevo show " + dir.path() + ")");
    w.flush();
    if (options.json() != null) {
      FrontOutput.json(options.json(), plan, dir.path(), r, tp, shown);
    }
    return 0;
  }

  /**
   * Ranks the final front as the run's policy says (null without one or for a target it does not
   * rank), stores the ranked front and prints what the ranking did and what it cost.
   */
  private RankResult rank(SearchResult r, double searchSeconds) {
    RankPolicy policy = plan.spec().rank();
    if (policy == null || !FrontRanker.ranks(plan.target())) {
      return null;
    }
    long t0 = System.nanoTime();
    RankResult ranked =
        FrontRanker.rank(
            plan.target(),
            plan.scorer().options(),
            r.front(),
            policy,
            plan.spec().seed(),
            plan.config().islands().threads(),
            line -> {
              w.println(line);
              w.flush();
            });
    double seconds = (System.nanoTime() - t0) / 1e9;
    List<RunDb.RankedRow> rows = new ArrayList<>();
    for (Ranked k : ranked.front()) {
      rows.add(
          new RunDb.RankedRow(
              k.entry().fitness().cost(),
              k.entry().fitness().error(),
              k.error(),
              k.verified() ? "exhaustive" : "sampled",
              k.check().points(),
              Printer.print(k.entry().program())));
    }
    db.ranked(rows);
    long retuned = ranked.all().stream().filter(Ranked::retuned).count();
    w.println(
        String.format(
            Locale.ROOT,
            "ranking: %d front kernels re-scored on %,d points, %d re-tuned on %,d counterexamples"
                + " (%,d scorings), %d exhaustive checks; %d kernels kept; %.1f s = %.1f%% of"
                + " the run's %.1f s",
            ranked.all().size(),
            policy.samplePoints(),
            retuned,
            ranked.counterexamples(),
            ranked.tuningScorings(),
            ranked.exhaustiveChecks(),
            ranked.front().size(),
            seconds,
            100 * seconds / (searchSeconds + seconds),
            searchSeconds + seconds));
    for (Ranked k : ranked.all()) {
      w.println(
          String.format(
              Locale.ROOT,
              "  cost %s: as found %.6g on the larger sample; checked %.6g (%s)%s%s",
              FrontOutput.num(k.entry().fitness().cost()),
              k.foundSampleError(),
              k.error(),
              k.verified() ? "exhaustive" : "larger sample",
              k.retuned() ? ", re-tuned" : "",
              ranked.front().contains(k) ? "" : ", dropped (dominated)"));
    }
    w.flush();
    return ranked;
  }

  /** The listener that writes the store and prints progress. */
  private final class Store implements SearchListener {
    private final List<GenerationRow> stored;
    private final long storedUpTo;
    private final long processStart;
    private final long baseElapsedMs;
    private final AtomicBoolean stop;
    private final List<GenerationRow> rows = new ArrayList<>();
    private final List<RunDb.Discovery> found = new ArrayList<>();
    private long lastCheckpoint = System.nanoTime();
    private long lastRows = System.nanoTime();
    private final Progress progress;
    private double bestError = Double.POSITIVE_INFINITY;
    final List<FrontEntry> records = new ArrayList<>();
    final StringBuilder discoveries =
        new StringBuilder("elapsed_s\tgeneration\tisland\tcost\ttrain_error\tnew_best\tkernel\n");
    boolean finalStored;
    // The store is written on a thread of its own, in submission order: the search waits only
    // for the snapshot of its state (islands idle at the barrier) and for a checkpoint still being
    // written when the next is due (at most one state in flight).
    private final ExecutorService writer =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "numevo-store");
              t.setDaemon(true);
              return t;
            });
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private Future<?> checkpointInFlight;
    long waitNanos;
    long checkpoints;
    final AtomicLong writerNanos = new AtomicLong();
    final AtomicLong checkpointWriteNanos = new AtomicLong();
    volatile long lastStateBytes;

    Store(
        List<GenerationRow> stored,
        long storedUpTo,
        long processStart,
        long baseElapsedMs,
        AtomicBoolean stop,
        long from,
        KernelFront front) {
      this.stored = stored;
      this.storedUpTo = storedUpTo;
      this.processStart = processStart;
      this.baseElapsedMs = baseElapsedMs;
      this.stop = stop;
      this.progress = Progress.of(w, options.progressSeconds(), plan.config().stop(), from, front);
    }

    private long elapsedMs() {
      return baseElapsedMs + (System.nanoTime() - processStart) / 1_000_000;
    }

    @Override
    public void entered(FrontEntry e) {
      progress.entered(e);
      boolean best = e.fitness().error() < bestError;
      if (best) {
        bestError = e.fitness().error();
        records.add(e);
      }
      long ms = elapsedMs();
      discoveries
          .append(String.format(Locale.ROOT, "%.3f", ms / 1e3))
          .append('\t')
          .append(e.generation())
          .append('\t')
          .append(e.island())
          .append('\t')
          .append(e.fitness().cost())
          .append('\t')
          .append(e.fitness().error())
          .append('\t')
          .append(best ? records.size() : 0)
          .append('\t')
          .append(FrontOutput.oneLine(e.program()))
          .append('\n');
      if (e.generation() > storedUpTo) {
        found.add(
            new RunDb.Discovery(
                e.generation(),
                e.island(),
                e.fitness().cost(),
                e.fitness().error(),
                ms,
                RunDb.text(e.program())));
      }
    }

    @Override
    public void generation(GenerationStats s) {
      GenerationRow row = GenerationRow.of(s, elapsedMs());
      if (s.generation() <= storedUpTo) {
        GenerationRow old = stored.get((int) s.generation() - 1);
        String diff = old.difference(row);
        if (diff != null) {
          throw new UserError(
              dir.path()
                  + ": the resumed search diverged from the stored run at generation "
                  + s.generation()
                  + ": "
                  + diff,
              1);
        }
      } else {
        rows.add(row);
      }
      progress.generation(s);
    }

    @Override
    public void barrier(long generation, String stopReason, Supplier<SearchState> state) {
      long now = System.nanoTime();
      try {
        store(generation, stopReason, state, now);
      } finally {
        waitNanos += System.nanoTime() - now;
      }
    }

    private void store(long generation, String stopReason, Supplier<SearchState> state, long now) {
      rethrow();
      boolean due =
          state != null
              && generation > storedUpTo
              && (stopReason != null
                  || (now - lastCheckpoint) / 1e9 >= options.checkpointSeconds());
      // Rows are written at most once a second (and with each checkpoint): a transaction per
      // barrier cost 1 ms each, hundreds of barriers a minute, and a resume recomputes what was
      // not written anyway.
      boolean rowsDue = stopReason != null || (now - lastRows) / 1e9 >= 1;
      if ((rows.isEmpty() && found.isEmpty() || !rowsDue) && !due) {
        return;
      }
      lastRows = now;
      List<GenerationRow> r = List.copyOf(rows);
      List<RunDb.Discovery> f = List.copyOf(found);
      rows.clear();
      found.clear();
      if (!due) {
        submit(() -> db.append(r, f, generation, null, null));
        return;
      }
      awaitCheckpoint();
      // The snapshot is taken here, islands idle; it shares only immutable values with the
      // search, so the store's thread encodes and writes it while the search goes on.
      SearchState s = state.get();
      lastCheckpoint = now;
      checkpoints++;
      finalStored = stopReason != null;
      checkpointInFlight =
          submit(
              () -> {
                long t0 = System.nanoTime();
                byte[] bytes = SearchStateCodec.write(s);
                db.append(r, f, generation, bytes, s.front());
                lastStateBytes = bytes.length;
                checkpointWriteNanos.addAndGet(System.nanoTime() - t0);
              });
    }

    private Future<?> submit(Runnable work) {
      return writer.submit(
          () -> {
            if (failure.get() != null) {
              return; // nothing after a failed write
            }
            long t0 = System.nanoTime();
            try {
              work.run();
            } catch (RuntimeException e) {
              failure.compareAndSet(null, e);
            } finally {
              writerNanos.addAndGet(System.nanoTime() - t0);
            }
          });
    }

    private void awaitCheckpoint() {
      if (checkpointInFlight != null) {
        try {
          checkpointInFlight.get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new UserError(dir.path() + ": interrupted while writing a checkpoint", 1);
        } catch (ExecutionException e) {
          // submit() catches what the work throws: nothing reaches here.
          throw new IllegalStateException(e.getCause());
        }
      }
      rethrow();
    }

    /** A failed write (a full disk...) stops the search: its one-line error. */
    private void rethrow() {
      RuntimeException e = failure.get();
      if (e != null) {
        throw e;
      }
    }

    /** Waits until everything submitted is written; reports a failed write. */
    void drain() {
      writer.shutdown();
      try {
        while (!writer.awaitTermination(10, TimeUnit.SECONDS)) {
          // A slow disk: keep waiting, the checkpoint must land before the process ends.
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      rethrow();
    }

    @Override
    public boolean stopRequested() {
      return stop.get();
    }
  }

  static String stopText(StopConfig s) {
    List<String> parts = new ArrayList<>();
    if (s.generations() > 0) {
      parts.add(s.generations() + " generations");
    }
    if (s.evaluations() > 0) {
      parts.add(s.evaluations() + " scorings");
    }
    if (!s.time().isZero()) {
      parts.add(seconds(s.time()));
    }
    if (s.targetError() > Double.NEGATIVE_INFINITY) {
      parts.add("error <= " + s.targetError());
    }
    return "stop at " + String.join(" or ", parts);
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0
        ? d.toSeconds() + " s"
        : String.format(Locale.ROOT, "%.3f s", d.toMillis() / 1e3);
  }

  /** The 1-minute load average of the machine, NaN where the platform does not tell. */
  private static double loadAverage() {
    double l =
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return l < 0 ? Double.NaN : l;
  }
}
