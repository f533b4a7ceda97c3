package numevo.runs.cluster;

import com.hazelcast.config.EvictionConfig;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MaxSizePolicy;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import java.io.Serial;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import numevo.evolver.search.SharedScores;
import numevo.hashing.Hash128;

/**
 * The search's shared scores as a Hazelcast distributed map (one per run, {@code
 * numevo-scores-RUN}): key the kernel's 16-byte code key, value its error's bits and the writing
 * member's tag. A lookup is one {@code getAll} for a generation's candidates; an offer is one
 * asynchronous put-if-absent for all of them (an entry processor run on each key's owner, so a
 * present entry keeps its first writer) for each batch of {@value #FLUSH_ENTRIES} offered entries,
 * which the island does not wait for. The map is bounded like the islands' own caches ({@link
 * #configure}: least recently used entries evicted past a count per member) and has no backups: an
 * entry lost with a member is scored again. Whatever the map holds, results are those of a run
 * without it ({@link SharedScores}).
 */
final class ClusterSharedScores implements SharedScores {
  private final IMap<byte[], long[]> map;
  private final com.hazelcast.partition.PartitionService partitions;
  private final long tag;
  private final AtomicLong lookups = new AtomicLong();
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong foreign = new AtomicLong();
  private final AtomicLong offered = new AtomicLong();

  /**
   * Bytes an offered entry adds to the offer sent to its key's owner (its key in the key set,
   * Hazelcast's 8-byte header, a 4-byte length and 16 bytes; its key and error in the processor's
   * array, 24 bytes), payload only.
   */
  static final int OFFER_BYTES = 28 + 24;

  /** A lookup's key (28 bytes) and, on a hit, its value back (28 bytes). */
  static final int LOOKUP_BYTES = 28;

  ClusterSharedScores(HazelcastInstance member, String run) {
    this.map = member.getMap(name(run));
    this.partitions = member.getPartitionService();
    this.tag = member.getCluster().getLocalMember().getUuid().getLeastSignificantBits();
  }

  /** The map's name for a run. */
  static String name(String run) {
    return "numevo-scores-" + run;
  }

  /**
   * Adds the run's map configuration to the cluster (before any member uses the map): at most
   * {@code entries} entries in all, however many members there are (a bound per partition, of which
   * the cluster has a fixed number: {@code ceil(entries / partitions)}), least recently used
   * evicted first; no backups.
   */
  static void configure(HazelcastInstance member, String run, int entries) {
    int partitions = member.getPartitionService().getPartitions().size();
    MapConfig c = new MapConfig(name(run));
    c.setBackupCount(0).setAsyncBackupCount(0).setStatisticsEnabled(true);
    c.setEvictionConfig(
        new EvictionConfig()
            .setEvictionPolicy(EvictionPolicy.LRU)
            .setMaxSizePolicy(MaxSizePolicy.PER_PARTITION)
            .setSize(Math.max(1, (entries + partitions - 1) / partitions)));
    member.getConfig().addMapConfig(c);
  }

  private static byte[] bytes(Hash128 k) {
    return ByteBuffer.allocate(16).putLong(k.hi()).putLong(k.lo()).array();
  }

  private static Hash128 hash(byte[] b) {
    ByteBuffer bb = ByteBuffer.wrap(b);
    return Hash128.of(bb.getLong(), bb.getLong());
  }

  @Override
  public void lookup(Hash128[] keys, int n, double[] out) {
    Set<byte[]> ks = new HashSet<>();
    for (int j = 0; j < n; j++) {
      ks.add(bytes(keys[j]));
    }
    Map<Hash128, long[]> found = new HashMap<>();
    for (Map.Entry<byte[], long[]> e : map.getAll(ks).entrySet()) {
      found.put(hash(e.getKey()), e.getValue());
    }
    int h = 0;
    int f = 0;
    for (int j = 0; j < n; j++) {
      long[] v = found.get(keys[j]);
      out[j] = v == null ? Double.NaN : Double.longBitsToDouble(v[0]);
      h += v == null ? 0 : 1;
      f += v != null && v[1] != tag ? 1 : 0;
    }
    lookups.addAndGet(n);
    hits.addAndGet(h);
    foreign.addAndGet(f);
  }

  /** Offered entries not sent yet: key high, key low, error bits, for each. */
  private long[] pending = new long[3 * FLUSH_ENTRIES];

  private int pendingCount;

  private long pendingSince;

  /** Offers older than this are sent with the next offer, even in a batch not full. */
  static final long FLUSH_NANOS = 1_000_000_000L;

  /**
   * Offers are sent in batches of this many entries, or of those offered within a second
   * (Hazelcast's cost is mostly per operation and partition touched, not per entry); a batch not
   * sent when the member stops is lost, which only means scorings made again.
   */
  static final int FLUSH_ENTRIES = 1024;

  @Override
  public void offer(Hash128[] keys, double[] errors, int n) {
    synchronized (this) {
      for (int j = 0; j < n; j++) {
        pending[3 * pendingCount] = keys[j].hi();
        pending[3 * pendingCount + 1] = keys[j].lo();
        pending[3 * pendingCount + 2] = Double.doubleToRawLongBits(errors[j]);
        pendingCount++;
        if (pendingCount == 1) {
          pendingSince = System.nanoTime();
        }
        if (pendingCount == FLUSH_ENTRIES) {
          send(pending, pendingCount);
          pendingCount = 0;
        }
      }
      if (pendingCount > 0 && System.nanoTime() - pendingSince > FLUSH_NANOS) {
        send(pending, pendingCount);
        pendingCount = 0;
      }
    }
    offered.addAndGet(n);
  }

  /**
   * Sends a batch of offers, not waited for (a lost offer only means a later scoring): one
   * put-if-absent call per member owning some of the keys, carrying only that member's entries, so
   * each entry travels once.
   */
  private void send(long[] entries, int count) {
    Map<Object, List<Integer>> byOwner = new HashMap<>();
    byte[][] keys = new byte[count][];
    for (int j = 0; j < count; j++) {
      keys[j] = ByteBuffer.allocate(16).putLong(entries[3 * j]).putLong(entries[3 * j + 1]).array();
      Object owner = partitions.getPartition(keys[j]).getOwner();
      byOwner.computeIfAbsent(owner == null ? "" : owner, o -> new ArrayList<>()).add(j);
    }
    for (List<Integer> group : byOwner.values()) {
      long[] e = new long[3 * group.size()];
      Set<byte[]> ks = new HashSet<>();
      for (int g = 0; g < group.size(); g++) {
        int j = group.get(g);
        System.arraycopy(entries, 3 * j, e, 3 * g, 3);
        ks.add(keys[j]);
      }
      map.submitToKeys(ks, new PutIfAbsent(e, tag));
    }
  }

  @Override
  public Counts counts() {
    return new Counts(lookups.get(), hits.get(), foreign.get(), offered.get());
  }

  /**
   * Sets each absent key's value: the error's bits from the processor's entries (key high, key low,
   * error bits, for each key), and the writer's tag.
   */
  static final class PutIfAbsent implements EntryProcessor<byte[], long[], Boolean>, Serializable {
    @Serial private static final long serialVersionUID = 1L;
    private final long[] entries;
    private final long tag;

    PutIfAbsent(long[] entries, long tag) {
      this.entries = entries;
      this.tag = tag;
    }

    @Override
    public Boolean process(Map.Entry<byte[], long[]> entry) {
      if (entry.getValue() != null) {
        return false;
      }
      Hash128 k = hash(entry.getKey());
      for (int j = 0; j < entries.length; j += 3) {
        if (entries[j] == k.hi() && entries[j + 1] == k.lo()) {
          entry.setValue(new long[] {entries[j + 2], tag});
          return true;
        }
      }
      return false;
    }

    @Override
    public EntryProcessor<byte[], long[], Boolean> getBackupProcessor() {
      return null;
    }
  }
}
