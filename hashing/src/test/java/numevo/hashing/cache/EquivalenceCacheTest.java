package numevo.hashing.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleUnaryOperator;
import numevo.hashing.Evaluator;
import numevo.hashing.FloatDomain;
import numevo.hashing.FloatFormat;
import numevo.hashing.Hash128;
import numevo.hashing.Hasher;
import numevo.hashing.ProbeConfig;
import numevo.hashing.Signature;
import org.junit.jupiter.api.Test;

class EquivalenceCacheTest {
  private static final long O = EquivalenceCache.ENTRY_OVERHEAD_BYTES;
  private static final CacheConfig NO_AUDIT = CacheConfig.DEFAULT.withAuditFraction(0);

  private static Hash128 key(long i) {
    return Hash128.of(i * 0x9e37_79b9_7f4a_7c15L, ~i);
  }

  @Test
  void aHitReturnsTheStoredFitnessWithoutScoring() {
    EquivalenceCache<Integer, String> c = EquivalenceCache.of(NO_AUDIT);
    AtomicInteger scored = new AtomicInteger();
    assertEquals(7, c.getOrScore(key(1), "x+x", () -> scored.incrementAndGet() + 6));
    assertEquals(7, c.getOrScore(key(1), "2*x", () -> scored.incrementAndGet() + 100));
    assertEquals(1, scored.get());
    assertEquals("x+x", c.peek(key(1)).orElseThrow().representative());
    CacheStats s = c.stats();
    assertEquals(2, s.lookups());
    assertEquals(1, s.hits());
    assertEquals(1, s.misses());
    assertEquals(1, s.entries());
    assertEquals(O, s.bytes());
    assertEquals(0.5, s.hitRate());
  }

  @Test
  void theLeastRecentlyUsedEntryGoesFirst() {
    EquivalenceCache<Integer, String> c = EquivalenceCache.of(NO_AUDIT.withMaxEntries(3));
    c.put(key(1), "a", 1);
    c.put(key(2), "b", 2);
    c.put(key(3), "c", 3);
    c.getOrScore(key(1), "a", () -> -1); // a is now the most recent; b the least.
    c.peek(key(2)); // peeking does not count as use
    c.put(key(4), "d", 4);
    assertEquals(Optional.empty(), c.peek(key(2)));
    for (long k : new long[] {1, 3, 4}) {
      assertTrue(c.peek(key(k)).isPresent(), "lost " + k);
    }
    c.put(key(5), "e", 5);
    assertEquals(Optional.empty(), c.peek(key(3)));
    CacheStats s = c.stats();
    assertEquals(2, s.evictions());
    assertEquals(3, s.entries());
  }

  @Test
  void theByteBoundEvictsAndRejects() {
    EquivalenceCache<Integer, String> c =
        EquivalenceCache.of(NO_AUDIT.withMaxBytes(3 * (O + 100)), (v, r) -> r.length());
    String hundred = "r".repeat(100);
    c.put(key(1), hundred, 1);
    c.put(key(2), hundred, 2);
    c.put(key(3), hundred, 3);
    assertEquals(3, c.size());
    assertEquals(3 * (O + 100), c.stats().bytes());
    c.put(key(4), hundred, 4);
    assertEquals(3, c.size());
    assertEquals(Optional.empty(), c.peek(key(1)));
    // An entry as large as the whole bound pushes out everything else.
    c.put(key(5), "r".repeat((int) (2 * O + 300)), 5);
    assertEquals(1, c.size());
    assertEquals(3 * (O + 100), c.stats().bytes());
    // One byte more and it cannot be kept at all.
    c.put(key(6), "r".repeat((int) (2 * O + 301)), 6);
    assertEquals(Optional.empty(), c.peek(key(6)));
    CacheStats s = c.stats();
    assertEquals(1, s.rejected());
    assertEquals(4, s.evictions());
    assertThrows(
        IllegalArgumentException.class,
        () -> EquivalenceCache.<Integer, String>of(NO_AUDIT, (v, r) -> -1).put(key(7), "x", 7));
  }

  @Test
  void replacingAnEntryKeepsTheByteCountRight() {
    EquivalenceCache<Integer, String> c = EquivalenceCache.of(NO_AUDIT, (v, r) -> r.length());
    c.put(key(1), "abc", 1);
    c.put(key(1), "abcdef", 2);
    assertEquals(1, c.size());
    assertEquals(O + 6, c.stats().bytes());
    assertEquals(2, c.peek(key(1)).orElseThrow().fitness());
  }

  @Test
  void anEntryIsForgottenAfterItsHits() {
    EquivalenceCache<Integer, String> c = EquivalenceCache.of(NO_AUDIT.withForgetAfterHits(3));
    AtomicInteger scored = new AtomicInteger();
    for (int i = 0; i < 10; i++) {
      c.getOrScore(key(1), "p", scored::incrementAndGet);
    }
    // Score, three hits, forgotten; score, three hits, forgotten; score, one hit.
    assertEquals(3, scored.get());
    CacheStats s = c.stats();
    assertEquals(2, s.forgotten());
    assertEquals(7, s.hits());
    assertEquals(3, s.misses());
    assertEquals(1, s.entries());
    assertEquals(1, c.peek(key(1)).orElseThrow().hitNumber());
  }

  @Test
  void theLowLevelApiCountsLikeGetOrScore() {
    EquivalenceCache<Integer, String> c = EquivalenceCache.of(NO_AUDIT.withAuditFraction(1));
    assertEquals(Optional.empty(), c.lookup(key(1)));
    c.put(key(1), "a", 10);
    CacheHit<Integer, String> hit = c.lookup(key(1)).orElseThrow();
    assertEquals(10, hit.fitness());
    assertEquals("a", hit.representative());
    assertEquals(1, hit.hitNumber());
    assertTrue(hit.audit());
    assertTrue(c.recordAudit(hit, "b", 10));
    assertFalse(c.recordAudit(hit, "c", 11));
    CacheStats s = c.stats();
    assertEquals(2, s.lookups());
    assertEquals(1, s.hits());
    assertEquals(2, s.audits());
    assertEquals(1, s.falseHits());
    assertEquals(0.5, s.falseHitRate());
  }

  /**
   * A real probe-set collision. On four probes of [0, 1] the identity and a function that zeroes
   * (0.999, 1) agree, so they share a hash; the audit re-scores the second in full, sees another
   * fitness and counts a false hit. The default probe set, which probes just below 1, separates
   * them.
   */
  @Test
  void theAuditCatchesAProbeSetCollision() {
    FloatDomain unit = FloatDomain.of(FloatFormat.FLOAT32, 0, 1);
    DoubleUnaryOperator identity = x -> x;
    DoubleUnaryOperator notch = x -> x > 0.999f && x < 1 ? 0 : (float) x;
    Hasher tiny = Hasher.of(Signature.unary(unit), ProbeConfig.of(4, 1));
    Hash128 hIdentity = tiny.hash(Evaluator.unary(identity)).orElseThrow();
    Hash128 hNotch = tiny.hash(Evaluator.unary(notch)).orElseThrow();
    assertEquals(hIdentity, hNotch, "expected a collision on the tiny probe set");
    Hasher full = Hasher.of(Signature.unary(unit));
    assertNotEquals(
        full.hash(Evaluator.unary(identity)).orElseThrow(),
        full.hash(Evaluator.unary(notch)).orElseThrow());

    AtomicReference<String> reported = new AtomicReference<>();
    EquivalenceCache<Double, String> c =
        EquivalenceCache.of(
            CacheConfig.DEFAULT.withAuditFraction(1),
            (v, r) -> 0,
            Double::equals,
            (k, stored, sf, cand, cf) -> reported.set(stored + " vs " + cand));
    double identityError = c.getOrScore(hIdentity, "identity", () -> error(identity));
    double notchError = c.getOrScore(hNotch, "notch", () -> error(notch));
    assertEquals(0.0, identityError);
    assertTrue(notchError > 0, "the audit returns the candidate's own fitness");
    CacheStats s = c.stats();
    assertEquals(1, s.hits());
    assertEquals(1, s.audits());
    assertEquals(1, s.falseHits());
    assertEquals("identity vs notch", reported.get());

    // Unaudited, the same hit silently hands the notch the identity's perfect fitness.
    EquivalenceCache<Double, String> blind = EquivalenceCache.of(NO_AUDIT);
    blind.getOrScore(hIdentity, "identity", () -> error(identity));
    assertEquals(0.0, blind.getOrScore(hNotch, "notch", () -> error(notch)));
    assertEquals(0, blind.stats().falseHits());
  }

  /** Sum of absolute errors against the identity on a fine grid of [0, 1]: the "full score". */
  private static double error(DoubleUnaryOperator f) {
    double sum = 0;
    for (int i = 0; i <= 100_000; i++) {
      double x = (float) (i / 100_000.0);
      sum += Math.abs(f.applyAsDouble(x) - x);
    }
    return sum;
  }

  @Test
  void agreementCanBeAPredicate() {
    EquivalenceCache<Double, String> c =
        EquivalenceCache.of(
            CacheConfig.DEFAULT.withAuditFraction(1),
            (v, r) -> 0,
            (a, b) -> Math.abs(a - b) < 1e-9,
            (k, a, b, d, e) -> {});
    c.getOrScore(key(1), "a", () -> 1.0);
    c.getOrScore(key(1), "b", () -> 1.0 + 1e-12);
    c.getOrScore(key(1), "c", () -> 2.0);
    assertEquals(2, c.stats().audits());
    assertEquals(1, c.stats().falseHits());
  }

  @Test
  void theAuditChoiceDependsOnlyOnKeyHitNumberAndSeed() {
    CacheConfig quarter = CacheConfig.DEFAULT.withAuditFraction(0.25);
    EquivalenceCache<Integer, String> a = EquivalenceCache.of(quarter);
    EquivalenceCache<Integer, String> b = EquivalenceCache.of(quarter);
    EquivalenceCache<Integer, String> reseeded = EquivalenceCache.of(quarter.withAuditSeed(99));
    List<Long> auditedA = new ArrayList<>();
    List<Long> auditedB = new ArrayList<>();
    List<Long> auditedR = new ArrayList<>();
    for (int k = 0; k < 40; k++) {
      a.put(key(k), "p", k);
      b.put(key(k), "p", k);
      reseeded.put(key(k), "p", k);
    }
    // Same hits in a different order, with other keys interleaved, audit the same (key, n) pairs.
    for (int round = 0; round < 100; round++) {
      for (int k = 0; k < 40; k++) {
        record(a, k, auditedA);
        record(b, 39 - k, auditedB);
        record(reseeded, k, auditedR);
      }
    }
    auditedA.sort(null);
    auditedB.sort(null);
    auditedR.sort(null);
    assertEquals(auditedA, auditedB);
    assertNotEquals(auditedA, auditedR);
    // About a quarter of 4000 hits (binomial sd ~27).
    assertTrue(auditedA.size() > 850 && auditedA.size() < 1150, "audited " + auditedA.size());
  }

  private static void record(EquivalenceCache<Integer, String> c, int k, List<Long> audited) {
    CacheHit<Integer, String> h = c.lookup(key(k)).orElseThrow();
    if (h.audit()) {
      audited.add(k * 1000L + h.hitNumber());
    }
  }

  @Test
  void aFailedScoreStoresNothingAndPropagates() {
    EquivalenceCache<Integer, String> c = EquivalenceCache.of(NO_AUDIT);
    assertThrows(
        IllegalStateException.class,
        () ->
            c.getOrScore(
                key(1),
                "p",
                () -> {
                  throw new IllegalStateException("boom");
                }));
    assertThrows(NullPointerException.class, () -> c.getOrScore(key(1), "p", () -> null));
    assertEquals(0, c.size());
    assertEquals(5, c.getOrScore(key(1), "p", () -> 5));
    assertEquals(3, c.stats().misses());
  }

  @Test
  void concurrentMissesOfOneKeyScoreOnce() throws Exception {
    EquivalenceCache<Integer, String> c = EquivalenceCache.of(NO_AUDIT);
    AtomicInteger scored = new AtomicInteger();
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      Future<Integer> first =
          pool.submit(
              () ->
                  c.getOrScore(
                      key(1),
                      "p",
                      () -> {
                        scored.incrementAndGet();
                        started.countDown();
                        await(release);
                        return 42;
                      }));
      assertTrue(started.await(10, TimeUnit.SECONDS));
      List<Future<Integer>> others = new ArrayList<>();
      for (int t = 0; t < 3; t++) {
        others.add(pool.submit(() -> c.getOrScore(key(1), "q", () -> scored.incrementAndGet())));
      }
      // The three wait on the first; give them time to register before releasing it.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (c.stats().coalesced() < 3 && System.nanoTime() < deadline) {
        Thread.sleep(1);
      }
      release.countDown();
      assertEquals(42, first.get());
      for (Future<Integer> f : others) {
        assertEquals(42, f.get());
      }
    } finally {
      pool.shutdown();
    }
    assertEquals(1, scored.get());
    CacheStats s = c.stats();
    assertEquals(3, s.coalesced());
    assertEquals(3, s.hits());
    assertEquals(1, s.misses());
  }

  @Test
  void waitersShareTheScorersFailure() throws Exception {
    EquivalenceCache<Integer, String> c = EquivalenceCache.of(NO_AUDIT);
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Integer> first =
          pool.submit(
              () ->
                  c.getOrScore(
                      key(1),
                      "p",
                      () -> {
                        started.countDown();
                        await(release);
                        throw new ArithmeticException("boom");
                      }));
      assertTrue(started.await(10, TimeUnit.SECONDS));
      Future<Integer> waiter = pool.submit(() -> c.getOrScore(key(1), "q", () -> 1));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (c.stats().coalesced() < 1 && System.nanoTime() < deadline) {
        Thread.sleep(1);
      }
      release.countDown();
      Throwable a = assertThrows(Exception.class, first::get).getCause();
      Throwable b = assertThrows(Exception.class, waiter::get).getCause();
      assertTrue(a instanceof ArithmeticException);
      assertSame(a, b);
    } finally {
      pool.shutdown();
    }
    assertEquals(0, c.size());
  }

  @Test
  void invariantsHoldUnderConcurrency() throws Exception {
    CacheConfig cfg =
        CacheConfig.DEFAULT
            .withMaxEntries(200)
            .withMaxBytes(150 * (O + 64))
            .withForgetAfterHits(50)
            .withAuditFraction(0.1);
    EquivalenceCache<Long, String> c = EquivalenceCache.of(cfg, (v, r) -> 64);
    AtomicInteger scored = new AtomicInteger();
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicReference<String> broken = new AtomicReference<>();
    Thread monitor =
        new Thread(
            () -> {
              while (running.get()) {
                CacheStats s = c.stats();
                if (s.lookups() != s.hits() + s.misses()
                    || s.entries() > cfg.maxEntries()
                    || s.bytes() > cfg.maxBytes()
                    || s.bytes() != s.entries() * (O + 64)) {
                  broken.compareAndSet(null, s.toString());
                }
              }
            });
    monitor.start();
    int threads = 8;
    int ops = 20_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        long salt = t;
        done.add(
            pool.submit(
                () -> {
                  long x = salt * 0x9e37_79b9_7f4a_7c15L + 1;
                  for (int i = 0; i < ops; i++) {
                    x ^= x << 13;
                    x ^= x >>> 7;
                    x ^= x << 17;
                    // Half the lookups go to 20 hot keys, so some entries reach the hit limit.
                    long k = Math.floorMod(x >>> 1, (x & 1) == 0 ? 20L : 500L);
                    long v =
                        c.getOrScore(
                            key(k),
                            "p" + k,
                            () -> {
                              scored.incrementAndGet();
                              return k * k;
                            });
                    if (v != k * k) {
                      broken.compareAndSet(null, "wrong fitness for " + k + ": " + v);
                    }
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      running.set(false);
      pool.shutdown();
      monitor.join();
    }
    assertEquals(null, broken.get());
    CacheStats s = c.stats();
    assertEquals((long) threads * ops, s.lookups());
    assertEquals(s.lookups(), s.hits() + s.misses());
    // Every miss scores once and every audit once; coalesced hits never score.
    assertEquals(s.misses() + s.audits(), scored.get());
    assertEquals(0, s.falseHits());
    assertTrue(s.audits() > 0 && s.forgotten() > 0 && s.evictions() > 0, s.toString());
    assertTrue(s.entries() <= 150);
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("timed out");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
