package numevo.evolver.search;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import numevo.dsl.program.Program;
import numevo.dsl.program.ProgramException;
import numevo.dsl.text.Parser;
import numevo.dsl.text.Printer;
import numevo.evolver.fitness.Fitness;
import numevo.evolver.fitness.FrontEntry;
import numevo.hashing.Hash128;
import numevo.hashing.cache.CacheSnapshot;
import numevo.hashing.cache.CacheStats;

/**
 * Writes a {@link SearchState} as bytes and reads it back. Programs are stored as their canonical
 * text (exact literals), so a state is portable across machines and JVMs; numbers are big-endian,
 * doubles by their bits. The first bytes are a magic number and a format version: a state written
 * by a newer format is refused, never misread.
 */
public final class SearchStateCodec {
  /** "NVSS": numevo search state. */
  private static final int MAGIC = 0x4e56_5353;

  /** The format written; {@link #read} accepts this version only. */
  public static final int VERSION = 2;

  // Sanity bounds on counts read, so that a corrupt length is reported, not allocated.
  private static final int MAX_COUNT = 1 << 26;

  private SearchStateCodec() {}

  /** The state as bytes. */
  public static byte[] write(SearchState s) {
    Out out = new Out(1 << 16);
    out.writeInt(MAGIC);
    out.writeInt(VERSION);
    out.writeLong(s.generation());
    out.writeBoolean(s.migrationPending());
    out.writeLong(s.evaluations());
    writeTimings(out, s.timings());
    writeFront(out, s.front());
    out.writeInt(s.islands().size());
    for (SearchState.IslandState is : s.islands()) {
      writeIsland(out, is);
    }
    return out.toByteArray();
  }

  /** One island's state, as {@link #write} writes each. */
  static void writeIsland(Out out, SearchState.IslandState is) {
    out.writeInt(is.population().size());
    for (SearchState.Individual ind : is.population()) {
      writeIndividual(out, ind);
    }
    writeFront(out, is.front());
    writeCache(out, is.cache());
    out.writeInt(is.tuned().length);
    for (long f : is.tuned()) {
      out.writeLong(f);
    }
  }

  static void writeIndividual(Out out, SearchState.Individual ind) {
    writeProgram(out, ind.program());
    out.writeLong(ind.birth());
    writeFitness(out, ind.fitness());
  }

  static SearchState.Individual readIndividual(DataInputStream in) throws IOException {
    Program p = readProgram(in);
    long birth = in.readLong();
    return new SearchState.Individual(p, birth, readFitness(in));
  }

  /** One island's state written by {@link #writeIsland}. */
  static SearchState.IslandState readIsland(DataInputStream in) throws IOException {
    int m = count(in);
    List<SearchState.Individual> pop = new ArrayList<>(m);
    for (int j = 0; j < m; j++) {
      pop.add(readIndividual(in));
    }
    List<FrontEntry> islandFront = readFront(in);
    CacheSnapshot<Double, Long> cache = readCache(in);
    long[] tuned = new long[count(in)];
    for (int j = 0; j < tuned.length; j++) {
      tuned[j] = in.readLong();
    }
    return new SearchState.IslandState(pop, islandFront, cache, tuned);
  }

  /**
   * A growable big-endian byte buffer: the writes of {@link java.io.DataOutputStream} without its
   * per-call synchronization (a state holds hundreds of thousands of cache entries).
   */
  static final class Out {
    private static final java.lang.invoke.VarHandle LONG =
        java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.BIG_ENDIAN);
    private static final java.lang.invoke.VarHandle INT =
        java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            int[].class, java.nio.ByteOrder.BIG_ENDIAN);
    private byte[] buf;
    private int size;

    Out(int capacity) {
      buf = new byte[capacity];
    }

    private void ensure(int more) {
      if (size + more > buf.length) {
        buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
      }
    }

    void writeLong(long v) {
      ensure(8);
      LONG.set(buf, size, v);
      size += 8;
    }

    void writeInt(int v) {
      ensure(4);
      INT.set(buf, size, v);
      size += 4;
    }

    void writeDouble(double v) {
      writeLong(Double.doubleToRawLongBits(v));
    }

    /** An unsigned LEB128 varint: hit counts are mostly 0 to 2, one byte. */
    void writeVarLong(long v) {
      ensure(10);
      while ((v & ~0x7fL) != 0) {
        buf[size++] = (byte) ((v & 0x7f) | 0x80);
        v >>>= 7;
      }
      buf[size++] = (byte) v;
    }

    void writeBoolean(boolean v) {
      ensure(1);
      buf[size++] = (byte) (v ? 1 : 0);
    }

    void write(byte[] b) {
      ensure(b.length);
      System.arraycopy(b, 0, buf, size, b.length);
      size += b.length;
    }

    byte[] toByteArray() {
      return java.util.Arrays.copyOf(buf, size);
    }
  }

  /**
   * Reads a state written by {@link #write}.
   *
   * @throws StateFormatException if the bytes are not a state of this format version (truncated,
   *     corrupt, or written by a newer version), saying which
   */
  public static SearchState read(byte[] data) throws StateFormatException {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      if (in.readInt() != MAGIC) {
        throw new StateFormatException("not a numevo search state");
      }
      int version = in.readInt();
      if (version != VERSION) {
        throw new StateFormatException(
            "search state format "
                + version
                + (version > VERSION ? " is newer than this numevo's (" : " is not this numevo's (")
                + VERSION
                + ")");
      }
      long generation = in.readLong();
      boolean pending = in.readBoolean();
      long evaluations = in.readLong();
      Timings timings = readTimings(in);
      List<FrontEntry> front = readFront(in);
      int n = count(in);
      List<SearchState.IslandState> islands = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        islands.add(readIsland(in));
      }
      if (in.read() != -1) {
        throw new StateFormatException("trailing bytes after the search state");
      }
      return new SearchState(generation, pending, evaluations, islands, front, timings);
    } catch (EOFException e) {
      throw new StateFormatException("search state is truncated");
    } catch (IOException e) {
      throw new StateFormatException("search state unreadable: " + e.getMessage());
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new StateFormatException("search state is corrupt: " + e.getMessage());
    }
  }

  static long readVarLong(DataInputStream in) throws IOException {
    long v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      int b = in.readUnsignedByte();
      v |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return v;
      }
    }
    throw new StateFormatException("search state is corrupt: a varint longer than 64 bits");
  }

  static int count(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > MAX_COUNT) {
      throw new StateFormatException("search state is corrupt: a count of " + n);
    }
    return n;
  }

  static void writeProgram(Out out, Program p) {
    byte[] text = Printer.print(p).getBytes(StandardCharsets.UTF_8);
    out.writeInt(text.length);
    out.write(text);
  }

  static Program readProgram(DataInputStream in) throws IOException {
    byte[] text = new byte[count(in)];
    in.readFully(text);
    try {
      return Parser.parse(new String(text, StandardCharsets.UTF_8), "state");
    } catch (ProgramException e) {
      throw new StateFormatException("search state holds an invalid kernel: " + e.getMessage());
    }
  }

  static void writeFitness(Out out, Fitness f) {
    out.writeDouble(f.error());
    out.writeDouble(f.cost());
  }

  static Fitness readFitness(DataInputStream in) throws IOException {
    return Fitness.of(in.readDouble(), in.readDouble());
  }

  static void writeFront(Out out, List<FrontEntry> front) {
    out.writeInt(front.size());
    for (FrontEntry e : front) {
      writeProgram(out, e.program());
      writeFitness(out, e.fitness());
      out.writeLong(e.generation());
      out.writeInt(e.island());
    }
  }

  static List<FrontEntry> readFront(DataInputStream in) throws IOException {
    int n = count(in);
    List<FrontEntry> front = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Program p = readProgram(in);
      Fitness f = readFitness(in);
      front.add(FrontEntry.of(p, f, in.readLong(), in.readInt()));
    }
    return front;
  }

  private static void writeCache(Out out, CacheSnapshot<Double, Long> c) {
    writeStats(out, c.counters());
    out.writeInt(c.entries().size());
    for (CacheSnapshot.Entry<Double, Long> e : c.entries()) {
      out.writeLong(e.key().hi());
      out.writeLong(e.key().lo());
      out.writeDouble(e.fitness());
      out.writeVarLong(e.hits());
    }
  }

  static void writeStats(Out out, CacheStats s) {
    for (long v :
        new long[] {
          s.lookups(),
          s.hits(),
          s.misses(),
          s.coalesced(),
          s.evictions(),
          s.forgotten(),
          s.rejected(),
          s.audits(),
          s.falseHits(),
          s.entries(),
          s.bytes()
        }) {
      out.writeLong(v);
    }
  }

  static CacheStats readStats(DataInputStream in) throws IOException {
    long[] v = new long[11];
    for (int i = 0; i < v.length; i++) {
      v[i] = in.readLong();
    }
    return new CacheStats(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], (int) v[9], v[10]);
  }

  private static CacheSnapshot<Double, Long> readCache(DataInputStream in) throws IOException {
    CacheStats s = readStats(in);
    int n = count(in);
    List<CacheSnapshot.Entry<Double, Long>> entries = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Hash128 key = Hash128.of(in.readLong(), in.readLong());
      double error = in.readDouble();
      entries.add(new CacheSnapshot.Entry<>(key, error, Search.NO_REPRESENTATIVE, readVarLong(in)));
    }
    return new CacheSnapshot<>(entries, s);
  }

  private static void writeTimings(Out out, Timings t) {
    for (Duration d :
        new Duration[] {
          t.elapsed(),
          t.islandSteps(),
          t.selection(),
          t.alteration(),
          t.hashing(),
          t.scoring(),
          t.tuning()
        }) {
      out.writeLong(d.toNanos());
    }
  }

  private static Timings readTimings(DataInputStream in) throws IOException {
    Duration[] d = new Duration[7];
    for (int i = 0; i < d.length; i++) {
      d[i] = Duration.ofNanos(in.readLong());
    }
    return new Timings(d[0], d[1], d[2], d[3], d[4], d[5], d[6]);
  }

  /** A byte string that is not a search state this numevo can read. */
  public static final class StateFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /** An exception with this message. */
    public StateFormatException(String message) {
      super(message);
    }
  }
}
