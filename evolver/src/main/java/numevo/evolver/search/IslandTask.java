package numevo.evolver.search;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The work of one island between two barriers, as a search with an {@link IslandRunner} hands it
 * out: the island's state at the last barrier (none at generation 0, where the island is created
 * from the seed), the migrants it receives first, and how many generations to run. Whoever runs it
 * ({@link IslandWorker#run}) rebuilds the island from this alone, so the outcome depends on the
 * task only, never on the member or thread that runs it: a task can be run again anywhere, for
 * example when the member that ran it left, with the same result.
 *
 * @param seed the search's seed (checked against the worker's configuration)
 * @param island the island's index
 * @param generation the generations the island has run (0: not created yet)
 * @param state the island's state after {@code generation} generations; null exactly when {@code
 *     generation} is 0
 * @param migrants the migrants it receives before it runs, in order (copied)
 * @param max the most generations to run, {@code >= 1}
 * @param remainingNanos the time left before the search's time limit (no generation but the first
 *     starts after it), or -1 for none
 */
public record IslandTask(
    long seed,
    int island,
    long generation,
    SearchState.IslandState state,
    List<Migrant> migrants,
    int max,
    long remainingNanos) {

  /** "NVIT": numevo island task. */
  private static final int MAGIC = 0x4e56_4954;

  /** Checks the bounds and copies the list. */
  public IslandTask {
    if (island < 0 || generation < 0 || max < 1 || remainingNanos < -1) {
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
    if ((state == null) != (generation == 0)) {
      throw new IllegalArgumentException("an island task has a state exactly after generation 0");
    }
    migrants = List.copyOf(migrants);
  }

  /** See the record's components. */
  public static IslandTask of(
      long seed,
      int island,
      long generation,
      SearchState.IslandState state,
      List<Migrant> migrants,
      int max,
      long remainingNanos) {
    return new IslandTask(seed, island, generation, state, migrants, max, remainingNanos);
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

  /** The task as bytes (programs as canonical text, as in {@link SearchStateCodec}). */
  public byte[] write() {
    SearchStateCodec.Out out = new SearchStateCodec.Out(1 << 14);
    out.writeInt(MAGIC);
    out.writeInt(SearchStateCodec.VERSION);
    out.writeLong(seed);
    out.writeInt(island);
    out.writeLong(generation);
    out.writeInt(max);
    out.writeLong(remainingNanos);
    out.writeInt(migrants.size());
    for (Migrant m : migrants) {
      out.writeInt(m.slot());
      SearchStateCodec.writeIndividual(out, m.individual());
    }
    if (state != null) {
      SearchStateCodec.writeIsland(out, state);
    }
    return out.toByteArray();
  }

  /**
   * Reads a task written by {@link #write}.
   *
   * @throws SearchStateCodec.StateFormatException if the bytes are not a task of this format
   */
  public static IslandTask read(byte[] data) throws SearchStateCodec.StateFormatException {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      if (in.readInt() != MAGIC || in.readInt() != SearchStateCodec.VERSION) {
        throw new SearchStateCodec.StateFormatException(
            "not a numevo island task of format " + SearchStateCodec.VERSION);
      }
      long seed = in.readLong();
      int island = in.readInt();
      long generation = in.readLong();
      int max = in.readInt();
      long remaining = in.readLong();
      int n = SearchStateCodec.count(in);
      List<Migrant> migrants = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        int slot = in.readInt();
        migrants.add(new Migrant(slot, SearchStateCodec.readIndividual(in)));
      }
      SearchState.IslandState state = generation == 0 ? null : SearchStateCodec.readIsland(in);
      if (in.read() != -1) {
        throw new SearchStateCodec.StateFormatException("trailing bytes after the island task");
      }
      return new IslandTask(seed, island, generation, state, migrants, max, remaining);
    } catch (EOFException e) {
      throw new SearchStateCodec.StateFormatException("island task is truncated");
    } catch (SearchStateCodec.StateFormatException e) {
      throw e;
    } catch (IOException | IllegalArgumentException | NullPointerException e) {
      throw new SearchStateCodec.StateFormatException("island task is corrupt: " + e.getMessage());
    }
  }
}
