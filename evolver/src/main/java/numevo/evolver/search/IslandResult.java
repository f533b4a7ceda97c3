package numevo.evolver.search;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What an {@link IslandTask} gives back, as bytes ({@link #write}) for the search that handed the
 * task out: each generation's record ({@link Island.Step}: counters, times, front entries, cache
 * statistics, population digest); where the island ends at a generation after which a migration is
 * due, each individual's birth and fitness (what planning the migration needs, {@link Standing});
 * the emigrants asked for; and the island's whole state if asked for. The island itself stays with
 * the worker.
 *
 * @param island the island's index
 * @param steps one per generation run, in order (copied)
 * @param standings the population's births and fitnesses after the last generation, in population
 *     order, or null (no migration due then)
 * @param emigrants the individuals asked for, in order (copied)
 * @param state the island's state after the task, or null (not asked for)
 */
record IslandResult(
    int island,
    List<Island.Step> steps,
    List<Standing> standings,
    List<SearchState.Individual> emigrants,
    SearchState.IslandState state) {

  /** "NVIR": numevo island result. */
  private static final int MAGIC = 0x4e56_4952;

  /** "NVIN": the worker does not hold the island at the task's generation. */
  static final int NOT_HELD = 0x4e56_494e;

  /**
   * An individual as migration planning sees it: its birth and fitness.
   *
   * @param birth the generation it was created in
   * @param fitness its error and cost
   */
  record Standing(long birth, numevo.evolver.fitness.Fitness fitness) {}

  IslandResult {
    steps = List.copyOf(steps);
    standings = standings == null ? null : List.copyOf(standings);
    emigrants = List.copyOf(emigrants);
  }

  /** The bytes a worker answers a task with when it does not hold the island and got no rebuild. */
  static byte[] notHeld(int island) {
    SearchStateCodec.Out out = new SearchStateCodec.Out(16);
    out.writeInt(NOT_HELD);
    out.writeInt(IslandTask.FORMAT);
    out.writeInt(island);
    return out.toByteArray();
  }

  /** Whether {@code result} is a {@link #notHeld} answer. */
  static boolean isNotHeld(byte[] result) {
    return result.length == 12
        && (((result[0] & 0xff) << 24)
                | ((result[1] & 0xff) << 16)
                | ((result[2] & 0xff) << 8)
                | (result[3] & 0xff))
            == NOT_HELD;
  }

  byte[] write() {
    SearchStateCodec.Out out = new SearchStateCodec.Out(1 << 12);
    out.writeInt(MAGIC);
    out.writeInt(IslandTask.FORMAT);
    out.writeInt(island);
    out.writeInt(steps.size());
    long[] counts = new long[Stat.COUNT];
    for (Island.Step s : steps) {
      java.util.Arrays.fill(counts, 0);
      Tally t = s.tally();
      t.addTo(counts);
      for (long c : counts) {
        out.writeLong(c);
      }
      for (long v :
          new long[] {
            t.stepNanos, t.selectNanos, t.alterNanos, t.hashNanos, t.scoreNanos, t.tuneNanos
          }) {
        out.writeLong(v);
      }
      out.writeLong(s.mutatorHashNanos());
      SearchStateCodec.writeFront(out, s.entered());
      SearchStateCodec.writeStats(out, s.cache());
      out.writeLong(s.digest());
    }
    out.writeBoolean(standings != null);
    if (standings != null) {
      out.writeInt(standings.size());
      for (Standing st : standings) {
        out.writeLong(st.birth());
        SearchStateCodec.writeFitness(out, st.fitness());
      }
    }
    out.writeInt(emigrants.size());
    for (SearchState.Individual e : emigrants) {
      SearchStateCodec.writeIndividual(out, e);
    }
    out.writeBoolean(state != null);
    if (state != null) {
      SearchStateCodec.writeIsland(out, state);
    }
    return out.toByteArray();
  }

  /**
   * Reads a result written by {@link #write}.
   *
   * @throws IllegalStateException if the bytes are not a result of this format (a runner that
   *     returned something else)
   */
  static IslandResult read(byte[] data) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      if (in.readInt() != MAGIC || in.readInt() != IslandTask.FORMAT) {
        throw new IllegalStateException(
            "not a numevo island result of format " + IslandTask.FORMAT);
      }
      int island = in.readInt();
      int n = SearchStateCodec.count(in);
      List<Island.Step> steps = new ArrayList<>(n);
      Stat[] stats = Stat.values();
      for (int i = 0; i < n; i++) {
        Tally t = new Tally();
        for (Stat s : stats) {
          t.add(s, in.readLong());
        }
        t.stepNanos = in.readLong();
        t.selectNanos = in.readLong();
        t.alterNanos = in.readLong();
        t.hashNanos = in.readLong();
        t.scoreNanos = in.readLong();
        t.tuneNanos = in.readLong();
        long mutatorHashNanos = in.readLong();
        var entered = SearchStateCodec.readFront(in);
        var cache = SearchStateCodec.readStats(in);
        steps.add(new Island.Step(t, mutatorHashNanos, entered, cache, in.readLong()));
      }
      List<Standing> standings = null;
      if (in.readBoolean()) {
        int m = SearchStateCodec.count(in);
        standings = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
          long birth = in.readLong();
          standings.add(new Standing(birth, SearchStateCodec.readFitness(in)));
        }
      }
      int ne = SearchStateCodec.count(in);
      List<SearchState.Individual> emigrants = new ArrayList<>(ne);
      for (int i = 0; i < ne; i++) {
        emigrants.add(SearchStateCodec.readIndividual(in));
      }
      SearchState.IslandState state = in.readBoolean() ? SearchStateCodec.readIsland(in) : null;
      if (in.read() != -1) {
        throw new IllegalStateException("trailing bytes after the island result");
      }
      return new IslandResult(island, steps, standings, emigrants, state);
    } catch (EOFException e) {
      throw new IllegalStateException("island result is truncated", e);
    } catch (IOException | IllegalArgumentException | NullPointerException e) {
      throw new IllegalStateException("island result is corrupt: " + e.getMessage(), e);
    }
  }
}
