package numevo.runs.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.HazelcastInstance;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.SplittableRandom;
import numevo.evolver.search.SharedScores;
import numevo.hashing.Hash128;
import org.junit.jupiter.api.Test;

/**
 * The near cache and the batched offers of {@link ClusterSharedScores}, with two members in this
 * process: a member alone answers from its near cache and asks the map nothing; a member that joins
 * finds, through the map, the entries the first offered, with their errors, and counts them as
 * another member's.
 */
class ClusterSharedScoresTest {
  private static final int N = ClusterSharedScores.FLUSH_ENTRIES;

  @Test
  void aLoneMemberAsksTheMapNothingAndAJoiningMemberFindsItsOffers()
      throws IOException, InterruptedException {
    String name = "numevo-shared-test-" + ProcessHandle.current().pid();
    int port = freePort();
    HazelcastInstance a = Members.start(ClusterOptions.of("127.0.0.1", port, List.of(), name, 1));
    HazelcastInstance b = null;
    try {
      ClusterSharedScores.configure(a, "run", 100_000);
      ClusterSharedScores sa = new ClusterSharedScores(a, "run", 100_000);
      Hash128[] keys = new Hash128[N];
      double[] errors = new double[N];
      SplittableRandom r = new SplittableRandom(1);
      for (int j = 0; j < N; j++) {
        keys[j] = Hash128.of(r.nextLong(), r.nextLong());
        errors[j] = r.nextDouble();
      }
      // A full batch: sent to the map at once.
      sa.offer(keys, errors, N);
      double[] out = new double[N];
      sa.lookup(keys, N, out);
      for (int j = 0; j < N; j++) {
        assertEquals(errors[j], out[j]);
      }
      Hash128[] absent = {Hash128.of(1, 2)};
      double[] none = new double[1];
      sa.lookup(absent, 1, none);
      assertTrue(Double.isNaN(none[0]));
      assertEquals(new SharedScores.Counts(N + 1, N, 0, N), sa.counts());
      assertEquals(0, sa.remoteLookups(), "a member alone asks the map nothing");
      assertEquals(1, sa.offerCalls());

      b =
          Members.start(
              ClusterOptions.of("127.0.0.1", freePort(), List.of("127.0.0.1:" + port), name, 1));
      var map = b.<byte[], long[]>getMap(ClusterSharedScores.name("run"));
      long end = System.nanoTime() + 60_000_000_000L;
      while (map.size() < N && System.nanoTime() < end) {
        Thread.sleep(50);
      }
      assertEquals(N, map.size());
      ClusterSharedScores sb = new ClusterSharedScores(b, "run", 100_000);
      double[] got = new double[N];
      sb.lookup(keys, N, got);
      for (int j = 0; j < N; j++) {
        assertEquals(errors[j], got[j]);
      }
      assertEquals(new SharedScores.Counts(N, N, N, 0), sb.counts());
      assertEquals(N, sb.remoteLookups());
      // Found once, then answered by its near cache.
      sb.lookup(keys, N, got);
      assertEquals(N, sb.remoteLookups());
      assertEquals(new SharedScores.Counts(2 * N, 2 * N, 2 * N, 0), sb.counts());
    } finally {
      if (b != null) {
        b.shutdown();
      }
      a.shutdown();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
