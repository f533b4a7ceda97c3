package numevo.runs.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.spi.exception.RetryableException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import numevo.dsl.text.Printer;
import numevo.evolver.search.IslandRunner;
import numevo.evolver.search.IslandTask;
import numevo.runs.cli.Plural;
import numevo.runs.cli.UserError;
import numevo.runs.store.RunSpec;

/**
 * The coordinator's side of cluster mode: an embedded member that hands a search's island tasks to
 * the cluster's members and collects their results. At each batch, island {@code i} goes to the
 * {@code i mod m}-th of the {@code m} members (in join order, the coordinator first); a task whose
 * member leaves or is unreachable is sent again to a member still there, which rebuilds the island
 * from the same task (its state at the last barrier) and so gives the same result. Counts the bytes
 * of tasks and results.
 */
public final class ClusterIslandRunner implements IslandRunner, AutoCloseable {
  /** The most times one task is sent before the search stops with an error. */
  private static final int ATTEMPTS = 100;

  private final HazelcastInstance member;
  private final IExecutorService executor;
  private final String run;
  private long batches;
  private long tasks;
  private long rerun;
  private long bytesOut;
  private long bytesIn;
  private long migrants;
  private long migrantBytes;
  private long cacheEntries;
  private int mostMembers;

  private ClusterIslandRunner(HazelcastInstance member, String run) {
    this.member = member;
    this.executor = member.getExecutorService(Members.EXECUTOR);
    this.run = run;
  }

  /**
   * Starts the coordinating member, publishes the run's specification to the cluster and waits
   * until {@code minMembers} members (itself included) are in the cluster.
   *
   * @param spec the run's specification, as its manifest holds it (workers build the search from
   *     it)
   * @param minMembers members to wait for before the search starts
   * @param wait the longest wait for them
   * @param started told the member's address ({@code HOST:PORT}) as soon as it listens, before the
   *     wait
   * @throws UserError if they do not join in time
   */
  public static ClusterIslandRunner start(
      ClusterOptions options,
      RunSpec spec,
      int minMembers,
      Duration wait,
      java.util.function.Consumer<String> started) {
    HazelcastInstance hz = Members.start(options);
    try {
      var a = hz.getCluster().getLocalMember().getAddress();
      started.accept(a.getHost() + ":" + a.getPort());
      String key = UUID.randomUUID().toString();
      hz.<String, String>getMap(Members.SPECS)
          .put(key, IslandWorkers.JSON.writeValueAsString(spec));
      long deadline = System.nanoTime() + wait.toNanos();
      while (hz.getCluster().getMembers().size() < minMembers) {
        if (System.nanoTime() - deadline > 0) {
          throw new UserError(
              "--min-members "
                  + minMembers
                  + ": only "
                  + hz.getCluster().getMembers().size()
                  + " members joined within "
                  + wait.toSeconds()
                  + " s",
              1);
        }
        Thread.sleep(50);
      }
      return new ClusterIslandRunner(hz, key);
    } catch (JsonProcessingException e) {
      hz.shutdown();
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      hz.shutdown();
      Thread.currentThread().interrupt();
      throw new UserError("interrupted while waiting for members", 130);
    } catch (RuntimeException e) {
      hz.shutdown();
      throw e;
    }
  }

  /** The address this member listens on, {@code HOST:PORT}. */
  public String address() {
    var a = member.getCluster().getLocalMember().getAddress();
    return a.getHost() + ":" + a.getPort();
  }

  @Override
  public List<byte[]> runAll(List<IslandTask> work) {
    batches++;
    List<Member> members = new ArrayList<>(member.getCluster().getMembers());
    mostMembers = Math.max(mostMembers, members.size());
    List<IslandCall> calls = new ArrayList<>(work.size());
    List<Future<byte[]>> futures = new ArrayList<>(work.size());
    for (IslandTask t : work) {
      byte[] b = t.write();
      bytesOut += b.length;
      tasks++;
      count(t);
      IslandCall call = new IslandCall(run, b);
      calls.add(call);
      futures.add(executor.submitToMember(call, members.get(t.island() % members.size())));
    }
    List<byte[]> results = new ArrayList<>(work.size());
    for (int i = 0; i < work.size(); i++) {
      byte[] r = await(futures.get(i), calls.get(i), work.get(i).island());
      bytesIn += r.length;
      results.add(r);
    }
    return results;
  }

  /**
   * Counts a task's migrants and the bytes they take in it (slot, text length, canonical text,
   * birth, error and cost: {@link IslandTask#write}), and the cache entries of its state (25 bytes
   * each: hash, error, hit count).
   */
  private void count(IslandTask t) {
    for (IslandTask.Migrant m : t.migrants()) {
      migrants++;
      migrantBytes +=
          4
              + 4
              + Printer.print(m.individual().program()).getBytes(StandardCharsets.UTF_8).length
              + 8
              + 16;
    }
    if (t.state() != null) {
      cacheEntries += t.state().cache().entries().size();
    }
  }

  /** The task's result, sent again to another member while its member is gone. */
  private byte[] await(Future<byte[]> future, IslandCall call, int island) {
    for (int attempt = 1; ; attempt++) {
      try {
        return future.get();
      } catch (ExecutionException e) {
        if (!(e instanceof RetryableException || e.getCause() instanceof RetryableException)
            || attempt >= ATTEMPTS) {
          Throwable c = e.getCause() == null ? e : e.getCause();
          throw new UserError(
              "island " + island + " failed on a cluster member: " + c.getMessage(), 1);
        }
        rerun++;
        pause();
        List<Member> members = new ArrayList<>(member.getCluster().getMembers());
        future = executor.submitToMember(call, members.get((island + attempt) % members.size()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while island " + island + " ran", e);
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Members now, the coordinator included. */
  public int members() {
    return member.getCluster().getMembers().size();
  }

  /** One line: members, batches, tasks, tasks sent again, bytes each way and per batch. */
  public String summary() {
    return String.format(
        Locale.ROOT,
        "cluster: %s now (at most %d in a batch); %,d batches of island tasks, %,d tasks"
            + " (%,d sent again after their member left); %,d bytes of tasks out, %,d bytes of"
            + " results back: %,d bytes per batch; the tasks held %,d migrants (%,.0f bytes"
            + " each) and %,d cache entries",
        Plural.of(members(), "member"),
        mostMembers,
        batches,
        tasks,
        rerun,
        bytesOut,
        bytesIn,
        batches == 0 ? 0 : (bytesOut + bytesIn) / batches,
        migrants,
        migrants == 0 ? 0.0 : (double) migrantBytes / migrants,
        cacheEntries);
  }

  @Override
  public void close() {
    try {
      member.getMap(Members.SPECS).remove(run);
    } catch (RuntimeException e) {
      // Shutting down anyway.
    }
    member.shutdown();
  }
}
