package numevo.runs.cluster;

import com.hazelcast.config.EvictionConfig;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MaxSizePolicy;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.io.Serial;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import numevo.evolver.search.SharedScores;
import numevo.hashing.Hash128;

/**
 * The search's shared scores as a Hazelcast distributed map (one per run, {@code
 * numevo-scores-RUN}): key the kernel's 16-byte code key, value its error's bits and the writing
 * member's tag. Each member keeps a near cache in front of it (the entries it offered and those it
 * found in the map, least recently used evicted past the map's own bound): a lookup answers from it
 * first and asks the map, in one {@code getAll}, only for the keys it misses, and not at all while
 * the member is alone in the cluster (the map then holds only what this member offered). Offers are
 * sent, not waited for, in batches of {@value #FLUSH_ENTRIES} entries (or those of a second), one
 * {@code putAllAsync} each (a present key is written again with the same error). The map is bounded
 * like the islands' own caches ({@link #configure}: least recently used entries evicted past a
 * count per partition) and has no backups: an entry lost with a member is scored again. Whatever
 * the map and the near cache hold, results are those of a run without them ({@link SharedScores}).
 */
final class ClusterSharedScores implements SharedScores {
  private final IMap<byte[], long[]> map;
  private final com.hazelcast.cluster.Cluster cluster;
  private final long tag;
  private final Near near;
  private final AtomicLong remote = new AtomicLong();
  private final AtomicLong lookups = new AtomicLong();
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong foreign = new AtomicLong();
  private final AtomicLong offered = new AtomicLong();

  /**
   * Bytes an offered entry adds to the offer sent to its partition's owner (its key: Hazelcast's
   * 8-byte header, a 4-byte length and 16 bytes; its value, the error's bits and the writer's tag:
   * the same header and length and 16 bytes), payload only.
   */
  static final int OFFER_BYTES = 28 + 28;

  /** A lookup's key (28 bytes) and, on a hit, its value back (28 bytes). */
  static final int LOOKUP_BYTES = 28;

  /**
   * @param member this member
   * @param run the run's key
   * @param nearEntries the most entries of this member's near cache (the map's own bound)
   */
  ClusterSharedScores(HazelcastInstance member, String run, int nearEntries) {
    this.map = member.getMap(name(run));
    this.cluster = member.getCluster();
    this.tag = cluster.getLocalMember().getUuid().getLeastSignificantBits();
    this.near = new Near(Math.max(1, nearEntries));
  }

  /**
   * The near cache: key to {error bits, writer's tag}, least recently used evicted first. Guarded
   * by itself.
   */
  private static final class Near extends LinkedHashMap<Hash128, long[]> {
    @Serial private static final long serialVersionUID = 1L;
    private final int max;

    Near(int max) {
      super(1024, 0.75f, true);
      this.max = max;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<Hash128, long[]> eldest) {
      return size() > max;
    }
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
    int h = 0;
    int f = 0;
    int[] ask = new int[n];
    int asked = 0;
    synchronized (near) {
      for (int j = 0; j < n; j++) {
        long[] v = near.get(keys[j]);
        if (v == null) {
          out[j] = Double.NaN;
          ask[asked++] = j;
        } else {
          out[j] = Double.longBitsToDouble(v[0]);
          h++;
          f += v[1] != tag ? 1 : 0;
        }
      }
    }
    // Alone in the cluster, the map holds only what this member offered, which its near cache
    // holds too (both bounded alike): nothing to ask.
    if (asked > 0 && cluster.getMembers().size() > 1) {
      Set<byte[]> ks = new HashSet<>();
      for (int a = 0; a < asked; a++) {
        ks.add(bytes(keys[ask[a]]));
      }
      remote.addAndGet(asked);
      Map<Hash128, long[]> found = new HashMap<>();
      for (Map.Entry<byte[], long[]> e : map.getAll(ks).entrySet()) {
        found.put(hash(e.getKey()), e.getValue());
      }
      synchronized (near) {
        for (int a = 0; a < asked; a++) {
          int j = ask[a];
          long[] v = found.get(keys[j]);
          if (v != null) {
            out[j] = Double.longBitsToDouble(v[0]);
            h++;
            f += v[1] != tag ? 1 : 0;
            near.put(keys[j], v);
          }
        }
      }
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
    synchronized (near) {
      for (int j = 0; j < n; j++) {
        near.putIfAbsent(keys[j], new long[] {Double.doubleToRawLongBits(errors[j]), tag});
      }
    }
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
   * Sends a batch of offers, not waited for (a lost offer only means a later scoring), as one
   * {@code putAllAsync}: Hazelcast sends each member the entries of its partitions, once. A key
   * already present is written again with the same error (a key's error is a function of the key),
   * so this is a put-if-absent but for the writer's tag (the last writer's) and the entry's
   * recency. (Put-if-absent entry processors, one call per partition or one for the batch, cost 40
   * to 60 times more per batch: Java serialization of each call, and Hazelcast runs a call over
   * several partitions as one operation per partition, each going through all the call's keys.)
   */
  private void send(long[] entries, int count) {
    Map<byte[], long[]> batch = new HashMap<>(2 * count);
    for (int j = 0; j < count; j++) {
      batch.put(
          ByteBuffer.allocate(16).putLong(entries[3 * j]).putLong(entries[3 * j + 1]).array(),
          new long[] {entries[3 * j + 2], tag});
    }
    sends.incrementAndGet();
    map.putAllAsync(batch);
  }

  private final AtomicLong sends = new AtomicLong();

  @Override
  public Counts counts() {
    return new Counts(lookups.get(), hits.get(), foreign.get(), offered.get());
  }

  /**
   * Keys this member asked the map for (those its near cache missed, with others in the cluster).
   */
  long remoteLookups() {
    return remote.get();
  }

  /** Batches of offers sent (one {@code putAllAsync} each). */
  long offerCalls() {
    return sends.get();
  }
}
