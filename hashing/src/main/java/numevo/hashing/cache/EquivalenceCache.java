package numevo.hashing.cache;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiPredicate;
import java.util.function.Supplier;
import java.util.function.ToLongBiFunction;
import numevo.hashing.Hash128;

/**
 * The functional-equivalence cache: fitness by functional hash, so that a function already scored
 * is not scored again. Each entry holds a fitness and one representative program (the first scored
 * for its key).
 *
 * <p>Bounded by {@link CacheConfig#maxEntries()} and {@link CacheConfig#maxBytes()}, evicting the
 * least recently used entry (a hit or an insertion makes an entry most recent). An entry may be
 * forgotten after {@link CacheConfig#forgetAfterHits()} hits. A deterministic fraction of hits is
 * audited: re-scored in full and compared with the stored fitness; disagreements are counted as
 * false hits, i.e. two functions that agree on every probe but not in full.
 *
 * <p>Thread-safe. One lock guards the map and the counters; it is never held while scoring or while
 * calling the sizer, the agreement predicate or the listener. Concurrent {@link #getOrScore} calls
 * for the same missing key score it once: the others wait for that result.
 *
 * <p>Null keys, fitnesses, representatives and suppliers are rejected with {@link
 * NullPointerException}.
 *
 * @param <V> the fitness type; compared with the agreement predicate (by default {@code equals})
 * @param <R> the representative type, e.g. a program
 */
public final class EquivalenceCache<V, R> {

  /**
   * The bytes counted for an entry beside what the sizer reports: the key (32), the map node (40),
   * the entry record (40) and its share of the hash table (4 to 8). On 64-bit HotSpot with
   * compressed references a million entries measured 123 bytes each (the test sources' {@code
   * CacheFootprint} program); this is that, rounded up. Without compressed references (heaps of 32
   * GiB and more) it measured 156. Fitness and representative are the sizer's to count.
   */
  public static final long ENTRY_OVERHEAD_BYTES = 128;

  private static final long GOLDEN = 0x9e37_79b9_7f4a_7c15L;

  private final CacheConfig config;
  private final ToLongBiFunction<? super V, ? super R> sizer;
  private final BiPredicate<? super V, ? super V> agree;
  private final FalseHitListener<? super V, ? super R> listener;

  private final ReentrantLock lock = new ReentrantLock();
  // Insertion-ordered, eldest first; a hit moves its entry last with putLast, so that peek (a
  // plain get) leaves recency alone.
  private final LinkedHashMap<Hash128, Entry<V, R>> map = new LinkedHashMap<>();
  private final Map<Hash128, CompletableFuture<V>> scoring = new HashMap<>();
  private long bytes;
  private long lookups;
  private long hits;
  private long misses;
  private long coalesced;
  private long evictions;
  private long forgotten;
  private long rejected;
  private long audits;
  private long falseHits;

  private static final class Entry<V, R> {
    final V fitness;
    final R representative;
    final long bytes;
    long hits;

    Entry(V fitness, R representative, long bytes) {
      this.fitness = fitness;
      this.representative = representative;
      this.bytes = bytes;
    }
  }

  private EquivalenceCache(
      CacheConfig config,
      ToLongBiFunction<? super V, ? super R> sizer,
      BiPredicate<? super V, ? super V> agree,
      FalseHitListener<? super V, ? super R> listener) {
    this.config = Objects.requireNonNull(config, "config");
    this.sizer = Objects.requireNonNull(sizer, "sizer");
    this.agree = Objects.requireNonNull(agree, "agree");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /**
   * A cache that counts only {@link #ENTRY_OVERHEAD_BYTES} per entry and compares fitness with
   * {@code equals}.
   */
  public static <V, R> EquivalenceCache<V, R> of(CacheConfig config) {
    return new EquivalenceCache<>(config, (v, r) -> 0, Objects::equals, (k, a, b, c, d) -> {});
  }

  /**
   * A cache comparing fitness with {@code equals}.
   *
   * @param config the settings; non-null
   * @param sizer the bytes of a fitness and representative beyond {@link #ENTRY_OVERHEAD_BYTES},
   *     {@code >= 0}; non-null
   */
  public static <V, R> EquivalenceCache<V, R> of(
      CacheConfig config, ToLongBiFunction<? super V, ? super R> sizer) {
    return new EquivalenceCache<>(config, sizer, Objects::equals, (k, a, b, c, d) -> {});
  }

  /**
   * A cache with every policy given.
   *
   * @param config the settings; non-null
   * @param sizer the bytes of a fitness and representative beyond {@link #ENTRY_OVERHEAD_BYTES},
   *     {@code >= 0}; non-null
   * @param agree whether a stored and a freshly scored fitness agree (for the audit); non-null
   * @param listener told of each false hit; non-null
   */
  public static <V, R> EquivalenceCache<V, R> of(
      CacheConfig config,
      ToLongBiFunction<? super V, ? super R> sizer,
      BiPredicate<? super V, ? super V> agree,
      FalseHitListener<? super V, ? super R> listener) {
    return new EquivalenceCache<>(config, sizer, agree, listener);
  }

  /** The settings. */
  public CacheConfig config() {
    return config;
  }

  /**
   * The fitness of the function with hash {@code key}: the stored one on a hit, {@code
   * fullScore.get()} (stored with {@code representative}) on a miss.
   *
   * <p>On a hit chosen by the audit, {@code fullScore} is called too and its result returned; if it
   * disagrees with the stored fitness a false hit is counted and the listener told, and the entry
   * is left as it was (neither function owns the hash more than the other). If another thread is
   * already scoring {@code key}, this call waits for its result (a coalesced hit) and shares its
   * failure if it fails.
   *
   * @param key the functional hash of the candidate; non-null
   * @param representative the candidate, stored on a miss; non-null
   * @param fullScore scores the candidate in full; non-null; must not return null or look up {@code
   *     key} in this cache; its exceptions propagate and nothing is stored
   * @return the fitness; never null
   */
  public V getOrScore(Hash128 key, R representative, Supplier<? extends V> fullScore) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(representative, "representative");
    Objects.requireNonNull(fullScore, "fullScore");
    Entry<V, R> hit;
    long hitNumber = 0;
    CompletableFuture<V> other = null;
    CompletableFuture<V> mine = null;
    lock.lock();
    try {
      lookups++;
      hit = map.get(key);
      if (hit != null) {
        hitNumber = countHit(key, hit);
      } else {
        other = scoring.get(key);
        if (other != null) {
          hits++;
          coalesced++;
        } else {
          misses++;
          mine = new CompletableFuture<>();
          scoring.put(key, mine);
        }
      }
    } finally {
      lock.unlock();
    }

    if (hit != null) {
      if (!audited(key, hitNumber)) {
        return hit.fitness;
      }
      V fresh = Objects.requireNonNull(fullScore.get(), "fullScore returned null");
      audit(key, hit.fitness, hit.representative, representative, fresh);
      return fresh;
    }
    if (other != null) {
      return await(other);
    }
    V fitness;
    long size;
    try {
      fitness = Objects.requireNonNull(fullScore.get(), "fullScore returned null");
      size = entryBytes(fitness, representative);
    } catch (Throwable t) {
      lock.lock();
      try {
        scoring.remove(key);
      } finally {
        lock.unlock();
      }
      mine.completeExceptionally(t);
      throw t;
    }
    lock.lock();
    try {
      scoring.remove(key);
      insert(key, new Entry<>(fitness, representative, size));
    } finally {
      lock.unlock();
    }
    mine.complete(fitness);
    return fitness;
  }

  /**
   * Looks {@code key} up, counting a lookup and a hit or a miss, making a hit most recent, and
   * forgetting the entry if this hit reaches {@code forgetAfterHits}. Does not see keys being
   * scored by {@link #getOrScore}. If the returned hit is marked for audit, the caller should score
   * the candidate in full and call {@link #recordAudit}.
   *
   * @param key the functional hash; non-null
   * @return the hit, or empty on a miss
   */
  public Optional<CacheHit<V, R>> lookup(Hash128 key) {
    Objects.requireNonNull(key, "key");
    Entry<V, R> e;
    long hitNumber;
    lock.lock();
    try {
      lookups++;
      e = map.get(key);
      if (e == null) {
        misses++;
        return Optional.empty();
      }
      hitNumber = countHit(key, e);
    } finally {
      lock.unlock();
    }
    return Optional.of(
        new CacheHit<>(key, e.fitness, e.representative, hitNumber, audited(key, hitNumber)));
  }

  /**
   * Reports the full score of a candidate that hit: counts an audit, and a false hit (telling the
   * listener) if it disagrees with the stored fitness.
   *
   * @param hit the hit, from {@link #lookup}; non-null
   * @param candidate the candidate that hit; non-null
   * @param fresh its fitness, scored in full; non-null
   * @return whether the fitnesses agreed
   */
  public boolean recordAudit(CacheHit<V, R> hit, R candidate, V fresh) {
    Objects.requireNonNull(hit, "hit");
    Objects.requireNonNull(candidate, "candidate");
    Objects.requireNonNull(fresh, "fresh");
    return audit(hit.key(), hit.fitness(), hit.representative(), candidate, fresh);
  }

  /**
   * Stores a fitness, replacing any entry for {@code key} (its hit count restarts), and evicts as
   * the bounds require. Counts no lookup.
   *
   * @param key the functional hash; non-null
   * @param representative the program scored; non-null
   * @param fitness its fitness; non-null
   */
  public void put(Hash128 key, R representative, V fitness) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(representative, "representative");
    Objects.requireNonNull(fitness, "fitness");
    long size = entryBytes(fitness, representative);
    lock.lock();
    try {
      insert(key, new Entry<>(fitness, representative, size));
    } finally {
      lock.unlock();
    }
  }

  /**
   * The entry for {@code key} as a hit that is not counted, not audited and does not change
   * recency; for inspection and tests.
   */
  public Optional<CacheHit<V, R>> peek(Hash128 key) {
    Objects.requireNonNull(key, "key");
    lock.lock();
    try {
      Entry<V, R> e = map.get(key);
      return e == null
          ? Optional.empty()
          : Optional.of(new CacheHit<>(key, e.fitness, e.representative, e.hits, false));
    } finally {
      lock.unlock();
    }
  }

  /** The number of entries held. */
  public int size() {
    lock.lock();
    try {
      return map.size();
    } finally {
      lock.unlock();
    }
  }

  /** A consistent snapshot of the counters. */
  public CacheStats stats() {
    lock.lock();
    try {
      return new CacheStats(
          lookups,
          hits,
          misses,
          coalesced,
          evictions,
          forgotten,
          rejected,
          audits,
          falseHits,
          map.size(),
          bytes);
    } finally {
      lock.unlock();
    }
  }

  /**
   * The cache's entries, least recently used first, and its counters, taken under the lock: call it
   * while no {@link #getOrScore} is scoring, or the key being scored is missing from the snapshot.
   */
  public CacheSnapshot<V, R> snapshot() {
    lock.lock();
    try {
      java.util.List<CacheSnapshot.Entry<V, R>> list = new java.util.ArrayList<>(map.size());
      for (Map.Entry<Hash128, Entry<V, R>> e : map.entrySet()) {
        Entry<V, R> v = e.getValue();
        list.add(new CacheSnapshot.Entry<>(e.getKey(), v.fitness, v.representative, v.hits));
      }
      return new CacheSnapshot<>(list, stats());
    } finally {
      lock.unlock();
    }
  }

  /**
   * Replaces this cache's entries and counters with a snapshot's, entries in the snapshot's order
   * of recency (sized again by this cache's sizer), so that it answers and evicts as the cache the
   * snapshot was taken from did.
   *
   * @param snapshot from {@link #snapshot()} of a cache with the same settings and sizer
   * @throws IllegalArgumentException if the snapshot holds more entries or bytes than this cache's
   *     bounds allow, or its counters do not match its entries
   * @throws IllegalStateException if a key is being scored
   */
  public void restore(CacheSnapshot<V, R> snapshot) {
    Objects.requireNonNull(snapshot, "snapshot");
    lock.lock();
    try {
      if (!scoring.isEmpty()) {
        throw new IllegalStateException("cannot restore while keys are being scored");
      }
      map.clear();
      bytes = 0;
      for (CacheSnapshot.Entry<V, R> e : snapshot.entries()) {
        Entry<V, R> v =
            new Entry<>(
                e.fitness(), e.representative(), entryBytes(e.fitness(), e.representative()));
        v.hits = e.hits();
        if (map.putLast(e.key(), v) != null) {
          throw new IllegalArgumentException("snapshot holds key " + e.key() + " twice");
        }
        bytes += v.bytes;
      }
      CacheStats c = snapshot.counters();
      if (map.size() > config.maxEntries()
          || bytes > config.maxBytes()
          || c.entries() != map.size()
          || c.bytes() != bytes) {
        throw new IllegalArgumentException(
            "snapshot does not fit this cache: "
                + map.size()
                + " entries, "
                + bytes
                + " bytes; counters say "
                + c.entries()
                + " entries, "
                + c.bytes()
                + " bytes");
      }
      lookups = c.lookups();
      hits = c.hits();
      misses = c.misses();
      coalesced = c.coalesced();
      evictions = c.evictions();
      forgotten = c.forgotten();
      rejected = c.rejected();
      audits = c.audits();
      falseHits = c.falseHits();
    } finally {
      lock.unlock();
    }
  }

  // --- Internals; the lock is held where the name says so -------------------------------------

  /**
   * Counts a hit on {@code e} and makes it most recent, or forgets it if due; returns its hit
   * number. Lock held.
   */
  private long countHit(Hash128 key, Entry<V, R> e) {
    hits++;
    long n = ++e.hits;
    int limit = config.forgetAfterHits();
    if (limit > 0 && n >= limit) {
      map.remove(key);
      bytes -= e.bytes;
      forgotten++;
    } else {
      map.putLast(key, e);
    }
    return n;
  }

  /** Adds or replaces an entry and evicts to the bounds. Lock held. */
  private void insert(Hash128 key, Entry<V, R> e) {
    if (e.bytes > config.maxBytes()) {
      rejected++;
      return;
    }
    Entry<V, R> old = map.get(key);
    if (old != null) {
      bytes -= old.bytes;
    }
    map.putLast(key, e);
    bytes += e.bytes;
    if (map.size() > config.maxEntries() || bytes > config.maxBytes()) {
      Iterator<Entry<V, R>> eldest = map.values().iterator();
      while (map.size() > config.maxEntries() || bytes > config.maxBytes()) {
        Entry<V, R> victim = eldest.next();
        eldest.remove();
        bytes -= victim.bytes;
        evictions++;
      }
    }
  }

  private long entryBytes(V fitness, R representative) {
    long extra = sizer.applyAsLong(fitness, representative);
    if (extra < 0) {
      throw new IllegalArgumentException("sizer returned a negative size: " + extra);
    }
    return ENTRY_OVERHEAD_BYTES + extra;
  }

  /**
   * Whether hit number {@code n} of {@code key} is audited: a hash of key, hit number and seed
   * compared with the fraction, so the choice is reproducible whatever the thread interleaving.
   */
  private boolean audited(Hash128 key, long n) {
    double fraction = config.auditFraction();
    if (fraction <= 0) {
      return false;
    }
    long h = fmix64(key.hi() ^ fmix64(key.lo() + n * GOLDEN) ^ config.auditSeed());
    return (h >>> 11) * 0x1.0p-53 < fraction;
  }

  private boolean audit(Hash128 key, V stored, R storedRep, R candidate, V fresh) {
    boolean agreed = agree.test(stored, fresh);
    lock.lock();
    try {
      audits++;
      if (!agreed) {
        falseHits++;
      }
    } finally {
      lock.unlock();
    }
    if (!agreed) {
      listener.falseHit(key, storedRep, stored, candidate, fresh);
    }
    return agreed;
  }

  private static <V> V await(CompletableFuture<V> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  private static long fmix64(long k) {
    k ^= k >>> 33;
    k *= 0xff51_afd7_ed55_8ccdL;
    k ^= k >>> 33;
    k *= 0xc4ce_b9fe_1a85_ec53L;
    k ^= k >>> 33;
    return k;
  }
}
