package numevo.evolver.search;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What an {@link IslandTask} gives back: each generation's record ({@link Island.Step}: counters,
 * times, front entries, cache statistics, population digest) and the island's state after the last,
 * as bytes ({@link #write}) for the search that handed the task out.
 *
 * @param island the island's index
 * @param steps one per generation run, in order (copied)
 * @param state the island's state after them
 */
record IslandResult(int island, List<Island.Step> steps, SearchState.IslandState state) {

  /** "NVIR": numevo island result. */
  private static final int MAGIC = 0x4e56_4952;

  IslandResult {
    steps = List.copyOf(steps);
  }

  byte[] write() {
    SearchStateCodec.Out out = new SearchStateCodec.Out(1 << 14);
    out.writeInt(MAGIC);
    out.writeInt(SearchStateCodec.VERSION);
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
    SearchStateCodec.writeIsland(out, state);
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
      if (in.readInt() != MAGIC || in.readInt() != SearchStateCodec.VERSION) {
        throw new IllegalStateException(
            "not a numevo island result of format " + SearchStateCodec.VERSION);
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
      SearchState.IslandState state = SearchStateCodec.readIsland(in);
      if (in.read() != -1) {
        throw new IllegalStateException("trailing bytes after the island result");
      }
      return new IslandResult(island, steps, state);
    } catch (EOFException e) {
      throw new IllegalStateException("island result is truncated", e);
    } catch (IOException | IllegalArgumentException | NullPointerException e) {
      throw new IllegalStateException("island result is corrupt: " + e.getMessage(), e);
    }
  }
}
