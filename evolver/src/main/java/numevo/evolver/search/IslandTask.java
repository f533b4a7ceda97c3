package numevo.evolver.search;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The work of one island at a barrier, as a search with an {@link IslandRunner} hands it out: the
 * migrants the island receives first, how many generations to run, and what to send back besides
 * their records (its whole state, or some individuals as emigrants). Islands stay where they ran
 * ({@link IslandWorker} keeps them between tasks), so a task sent to the member holding the island
 * at {@code generation} carries no state. A task also carries, for a member that does not hold the
 * island (it joined, or the holder died), how to rebuild it ({@link Rebuild}: a saved state and the
 * migrants received since), which {@link #write(boolean)} includes only on request. The outcome
 * depends on the task only, never on the member or thread that runs it, nor on whether the island
 * was held or rebuilt.
 *
 * @param seed the search's seed (checked against the worker's configuration)
 * @param island the island's index
 * @param generation the generations the island has run
 * @param rebuild how to bring the island to {@code generation} where it is not held; never null
 * @param migrants the migrants it receives before it runs, in order (copied)
 * @param max the most generations to run, {@code >= 0}
 * @param remainingNanos the time left before the search's time limit (no generation but the first
 *     starts after it), or -1 for none
 * @param wantState whether the result carries the island's whole state after the task
 * @param emigrants population indices of individuals (at {@code generation}, before anything else)
 *     the result carries, in order (copied)
 */
public record IslandTask(
    long seed,
    int island,
    long generation,
    Rebuild rebuild,
    List<Migrant> migrants,
    int max,
    long remainingNanos,
    boolean wantState,
    List<Integer> emigrants) {

  /** "NVIT": numevo island task. */
  private static final int MAGIC = 0x4e56_4954;

  /** The format of tasks and results (2: islands stay on their member). */
  static final int FORMAT = 2;

  /** Checks the bounds and copies the lists. */
  public IslandTask {
    if (island < 0 || generation < 0 || max < 0 || remainingNanos < -1) {
      throw new IllegalArgumentException(
          "island task out of bounds: island "
              + island
              + ", generation "
              + generation
              + ", max "
              + max
              + ", remaining "
              + remainingNanos);
    }
    Objects.requireNonNull(rebuild, "rebuild");
    if (rebuild.generation() > generation) {
      throw new IllegalArgumentException(
          "an island task rebuilds from generation " + rebuild.generation() + " > " + generation);
    }
    for (Rebuild.Arrival a : rebuild.arrivals()) {
      if (a.generation() >= generation) {
        throw new IllegalArgumentException(
            "a rebuild's migrants arrive before the task's generation " + generation);
      }
    }
    migrants = List.copyOf(migrants);
    emigrants = List.copyOf(emigrants);
  }

  /** A task that runs {@code max} generations after receiving {@code migrants}. */
  public static IslandTask of(
      long seed,
      int island,
      long generation,
      Rebuild rebuild,
      List<Migrant> migrants,
      int max,
      long remainingNanos) {
    return new IslandTask(
        seed, island, generation, rebuild, migrants, max, remainingNanos, false, List.of());
  }

  /**
   * A migrant arriving at an island.
   *
   * @param slot the population index it replaces
   * @param individual the migrant, with the fitness it had on its island
   */
  public record Migrant(int slot, SearchState.Individual individual) {
    /** Checks the slot and the individual. */
    public Migrant {
      if (slot < 0) {
        throw new IllegalArgumentException("negative slot " + slot);
      }
      Objects.requireNonNull(individual, "individual");
    }
  }

  /**
   * How a member that does not hold an island brings it to a task's generation: from a saved state
   * (none at generation 0: the island is created from the seed), running the generations since with
   * the migrants it received at each barrier in between, exactly as they ran the first time.
   *
   * @param generation the state's generation
   * @param state the island's state then; null exactly at generation 0
   * @param arrivals the migrants received at barriers from {@code generation} on, by generation
   *     (copied)
   */
  public record Rebuild(long generation, SearchState.IslandState state, List<Arrival> arrivals) {
    /** Checks the state is there exactly after generation 0 and the arrivals are in order. */
    public Rebuild {
      if (generation < 0 || (state == null) != (generation == 0)) {
        throw new IllegalArgumentException(
            "a rebuild has a state exactly after generation 0 (generation " + generation + ")");
      }
      arrivals = List.copyOf(arrivals);
      long last = generation - 1;
      for (Arrival a : arrivals) {
        if (a.generation() <= last) {
          throw new IllegalArgumentException("a rebuild's arrivals are out of order");
        }
        last = a.generation();
      }
    }

    /** An island created from the seed. */
    public static Rebuild fromSeed() {
      return new Rebuild(0, null, List.of());
    }

    /** See the record's components. */
    public static Rebuild of(
        long generation, SearchState.IslandState state, List<Arrival> arrivals) {
      return new Rebuild(generation, state, arrivals);
    }

    /**
     * Migrants an island received at the barrier after {@code generation}.
     *
     * @param generation the barrier
     * @param migrants in order (copied)
     */
    public record Arrival(long generation, List<Migrant> migrants) {
      /** Copies the list. */
      public Arrival {
        migrants = List.copyOf(migrants);
      }
    }
  }

  /** The task as bytes, with its rebuild (programs as canonical text, as in a saved state). */
  public byte[] write() {
    return write(true);
  }

  /**
   * The task as bytes.
   *
   * @param withRebuild whether to include the rebuild: without it, the task can run only where the
   *     island is held at its generation (elsewhere the result says so: {@link
   *     IslandWorker#notHeld})
   */
  public byte[] write(boolean withRebuild) {
    SearchStateCodec.Out out = new SearchStateCodec.Out(1 << 12);
    out.writeInt(MAGIC);
    out.writeInt(FORMAT);
    out.writeLong(seed);
    out.writeInt(island);
    out.writeLong(generation);
    out.writeInt(max);
    out.writeLong(remainingNanos);
    out.writeBoolean(wantState);
    out.writeInt(emigrants.size());
    for (int e : emigrants) {
      out.writeInt(e);
    }
    writeMigrants(out, migrants);
    out.writeBoolean(withRebuild);
    if (withRebuild) {
      out.writeLong(rebuild.generation());
      if (rebuild.state() != null) {
        SearchStateCodec.writeIsland(out, rebuild.state());
      }
      out.writeInt(rebuild.arrivals().size());
      for (Rebuild.Arrival a : rebuild.arrivals()) {
        out.writeLong(a.generation());
        writeMigrants(out, a.migrants());
      }
    }
    return out.toByteArray();
  }

  private static void writeMigrants(SearchStateCodec.Out out, List<Migrant> ms) {
    out.writeInt(ms.size());
    for (Migrant m : ms) {
      out.writeInt(m.slot());
      SearchStateCodec.writeIndividual(out, m.individual());
    }
  }

  private static List<Migrant> readMigrants(DataInputStream in) throws IOException {
    int n = SearchStateCodec.count(in);
    List<Migrant> migrants = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int slot = in.readInt();
      migrants.add(new Migrant(slot, SearchStateCodec.readIndividual(in)));
    }
    return migrants;
  }

  /**
   * A task read by {@link #read}: the task, with a null rebuild where its bytes had none.
   *
   * @param task the task (its rebuild a placeholder where {@code rebuild} is false)
   * @param rebuild whether the bytes carried the rebuild
   */
  record Read(IslandTask task, boolean rebuild) {}

  /**
   * Reads a task written by {@link #write(boolean)}.
   *
   * @throws SearchStateCodec.StateFormatException if the bytes are not a task of this format
   */
  static Read read(byte[] data) throws SearchStateCodec.StateFormatException {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
        throw new SearchStateCodec.StateFormatException(
            "not a numevo island task of format " + FORMAT);
      }
      long seed = in.readLong();
      int island = in.readInt();
      long generation = in.readLong();
      int max = in.readInt();
      long remaining = in.readLong();
      boolean wantState = in.readBoolean();
      int ne = SearchStateCodec.count(in);
      List<Integer> emigrants = new ArrayList<>(ne);
      for (int i = 0; i < ne; i++) {
        emigrants.add(in.readInt());
      }
      List<Migrant> migrants = readMigrants(in);
      boolean withRebuild = in.readBoolean();
      Rebuild rebuild = Rebuild.fromSeed();
      if (withRebuild) {
        long g = in.readLong();
        SearchState.IslandState state = g == 0 ? null : SearchStateCodec.readIsland(in);
        int na = SearchStateCodec.count(in);
        List<Rebuild.Arrival> arrivals = new ArrayList<>(na);
        for (int i = 0; i < na; i++) {
          long ag = in.readLong();
          arrivals.add(new Rebuild.Arrival(ag, readMigrants(in)));
        }
        rebuild = new Rebuild(g, state, arrivals);
      }
      if (in.read() != -1) {
        throw new SearchStateCodec.StateFormatException("trailing bytes after the island task");
      }
      return new Read(
          new IslandTask(
              seed, island, generation, rebuild, migrants, max, remaining, wantState, emigrants),
          withRebuild);
    } catch (EOFException e) {
      throw new SearchStateCodec.StateFormatException("island task is truncated");
    } catch (SearchStateCodec.StateFormatException e) {
      throw e;
    } catch (IOException | IllegalArgumentException | NullPointerException e) {
      throw new SearchStateCodec.StateFormatException("island task is corrupt: " + e.getMessage());
    }
  }
}
