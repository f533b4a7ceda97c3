package numevo.runs.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.spi.exception.RetryableException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import numevo.dsl.text.Printer;
import numevo.evolver.search.IslandRunner;
import numevo.evolver.search.IslandTask;
import numevo.evolver.search.IslandWorker;
import numevo.runs.cli.Plural;
import numevo.runs.cli.UserError;
import numevo.runs.store.RunSpec;

/**
 * The coordinator's side of cluster mode: an embedded member that hands a search's island tasks to
 * the cluster's members and collects their results. Islands stay on the member that ran them: a
 * task goes to the island's holder without its rebuild (its migrants and a few counters), unless
 * the holder left or the islands are dealt out again because a member joined (at most {@code
 * ceil(islands / members)} on each, the rest to the least loaded, in join order); a task sent to a
 * member that does not hold the island carries its rebuild (the island's last base and the migrants
 * since, {@link IslandTask.Rebuild}), and gives the same result. A task whose member leaves or is
 * unreachable is sent again, with its rebuild, to the least loaded member still there. A task for
 * this member itself runs here, on as many threads as the member has, without Hazelcast's executor
 * (which serializes a task even for the local member). Counts the bytes of tasks and results, by
 * kind, and times joins and failovers.
 */
public final class ClusterIslandRunner implements IslandRunner, AutoCloseable {
  /** The most times one task is sent before the search stops with an error. */
  private static final int ATTEMPTS = 100;

  private final HazelcastInstance member;
  private final IExecutorService executor;
  private final ExecutorService local;
  private final Member self;
  private final String run;
  private final int sharedEntries;
  private final Consumer<String> events;
  private final Map<Integer, UUID> holder = new HashMap<>();
  private final Map<UUID, Long> joined = new LinkedHashMap<>();
  private final Map<UUID, Long> left = new LinkedHashMap<>();
  private final java.util.Set<UUID> gone = new java.util.HashSet<>();
  private final Object membership = new Object();
  private final List<Integer> moved = new ArrayList<>();
  private long batches;
  private long tasks;
  private long rerun;
  private long rebuilt;
  private long runOut;
  private long runIn;
  private long rebuildOut;
  private long stateIn;
  private long migrants;
  private long migrantBytes;
  private int mostMembers;
  private long pauseMillis;
  private int holdMembers;
  private Duration holdWait = Duration.ZERO;
  private long joins;
  private double joinSeconds;
  private long failovers;
  private double failoverSeconds;

  private ClusterIslandRunner(
      HazelcastInstance member,
      int threads,
      String run,
      int sharedEntries,
      Consumer<String> events) {
    this.member = member;
    this.executor = member.getExecutorService(Members.EXECUTOR);
    this.self = member.getCluster().getLocalMember();
    this.local =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "numevo-local-islands");
              t.setDaemon(true);
              return t;
            });
    this.run = run;
    this.sharedEntries = sharedEntries;
    this.events = events;
    for (Member m : member.getCluster().getMembers()) {
      joined.put(m.getUuid(), null);
    }
    member
        .getCluster()
        .addMembershipListener(
            new MembershipListener() {
              @Override
              public void memberAdded(MembershipEvent e) {
                synchronized (membership) {
                  joined.put(e.getMember().getUuid(), System.nanoTime());
                }
                events.accept(
                    "cluster: "
                        + Instant.now()
                        + " member "
                        + e.getMember().getAddress()
                        + " joined");
              }

              @Override
              public void memberRemoved(MembershipEvent e) {
                synchronized (membership) {
                  if (gone.add(e.getMember().getUuid())) {
                    left.put(e.getMember().getUuid(), System.nanoTime());
                  }
                }
                events.accept(
                    "cluster: "
                        + Instant.now()
                        + " member "
                        + e.getMember().getAddress()
                        + " left or was dropped");
              }
            });
  }

  /**
   * Starts the coordinating member, publishes the run's specification to the cluster and waits
   * until {@code minMembers} members (itself included) are in the cluster.
   *
   * @param spec the run's specification, as its manifest holds it (workers build the search from
   *     it)
   * @param minMembers members to wait for before the search starts
   * @param wait the longest wait for them
   * @param sharedEntries the most entries of the shared scores in all, or 0 for none (each island
   *     then has only its own cache)
   * @param started told the member's address ({@code HOST:PORT}) as soon as it listens, before the
   *     wait
   * @param events told of members joining and leaving and of islands moving, one line each
   * @throws UserError if they do not join in time
   */
  public static ClusterIslandRunner start(
      ClusterOptions options,
      RunSpec spec,
      int minMembers,
      Duration wait,
      int sharedEntries,
      Consumer<String> started,
      Consumer<String> events) {
    HazelcastInstance hz = Members.start(options);
    try {
      var a = hz.getCluster().getLocalMember().getAddress();
      started.accept(a.getHost() + ":" + a.getPort());
      String key = UUID.randomUUID().toString();
      if (sharedEntries > 0) {
        ClusterSharedScores.configure(hz, key, sharedEntries);
      }
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
      return new ClusterIslandRunner(hz, options.threads(), key, sharedEntries, events);
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

  /**
   * Waits this long before each batch (for tests that must act mid-run on a fast machine: it
   * changes no result).
   */
  public void pauseBeforeBatches(long millis) {
    this.pauseMillis = millis;
  }

  /**
   * Before the second batch, waits (up to {@code wait}) until {@code members} members are in the
   * cluster: for tests that need a member to join mid-run whatever the machine's load (it changes
   * no result).
   */
  public void holdBeforeSecondBatch(int members, Duration wait) {
    this.holdMembers = members;
    this.holdWait = wait;
  }

  /** The address this member listens on, {@code HOST:PORT}. */
  public String address() {
    var a = member.getCluster().getLocalMember().getAddress();
    return a.getHost() + ":" + a.getPort();
  }

  /** A task on its way: where it went, whether it carried its rebuild, its call and future. */
  private static final class Sent {
    final IslandTask task;
    Member to;
    boolean withRebuild;
    Future<byte[]> future;

    Sent(IslandTask task) {
      this.task = task;
    }
  }

  @Override
  public List<byte[]> runAll(List<IslandTask> work) {
    long started = System.nanoTime();
    List<Member> members = new ArrayList<>(member.getCluster().getMembers());
    mostMembers = Math.max(mostMembers, members.size());
    if (work.stream().anyMatch(t -> t.max() > 0)) {
      batches++;
      if (batches == 2 && holdMembers > 0) {
        long end = System.nanoTime() + holdWait.toNanos();
        while (member.getCluster().getMembers().size() < holdMembers
            && System.nanoTime() - end < 0) {
          pause();
        }
        members = new ArrayList<>(member.getCluster().getMembers());
        mostMembers = Math.max(mostMembers, members.size());
      }
      if (pauseMillis > 0) {
        try {
          Thread.sleep(pauseMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
    Map<UUID, Member> alive = new LinkedHashMap<>();
    for (Member m : members) {
      alive.put(m.getUuid(), m);
    }
    Map<UUID, Integer> load = new HashMap<>();
    members.forEach(m -> load.put(m.getUuid(), 0));
    int cap = (work.size() + members.size() - 1) / members.size();
    List<Sent> sent = new ArrayList<>(work.size());
    List<Sent> unplaced = new ArrayList<>();
    for (IslandTask t : work) {
      Sent s = new Sent(t);
      sent.add(s);
      UUID h = holder.get(t.island());
      // A request that runs no generation (a state, emigrants) goes to the holder wherever it is.
      if (h != null && alive.containsKey(h) && (t.max() == 0 || load.get(h) < cap)) {
        s.to = alive.get(h);
        load.merge(h, 1, Integer::sum);
      } else {
        unplaced.add(s);
      }
    }
    for (Sent s : unplaced) {
      s.to = leastLoaded(members, load, null);
      load.merge(s.to.getUuid(), 1, Integer::sum);
    }
    moved.clear();
    for (Sent s : sent) {
      UUID h = holder.get(s.task.island());
      s.withRebuild = s.task.generation() > 0 && !s.to.getUuid().equals(h);
      submit(s);
    }
    List<byte[]> results = new ArrayList<>(work.size());
    for (Sent s : sent) {
      byte[] r = await(s, load);
      if (s.task.wantState()) {
        stateIn += r.length;
      } else {
        runIn += r.length;
      }
      results.add(r);
      holder.put(s.task.island(), s.to.getUuid());
    }
    note(new ArrayList<>(member.getCluster().getMembers()), started);
    return results;
  }

  /** Times the first batch that gave islands to a member that joined, or moved a leaver's. */
  private void note(List<Member> members, long started) {
    synchronized (membership) {
      noteLocked(members, started);
    }
  }

  private void noteLocked(List<Member> members, long started) {
    long now = System.nanoTime();
    for (Member m : members) {
      Long at = joined.get(m.getUuid());
      if (at != null && holder.containsValue(m.getUuid())) {
        joins++;
        joinSeconds += (now - at) / 1e9;
        events.accept(
            String.format(
                Locale.ROOT,
                "cluster: %s member %s runs islands %.2f s after it joined",
                Instant.now(),
                m.getAddress(),
                (now - at) / 1e9));
        joined.put(m.getUuid(), null);
      }
    }
    if (!left.isEmpty() && !moved.isEmpty()) {
      long first = left.values().stream().mapToLong(Long::longValue).min().orElse(started);
      failovers++;
      failoverSeconds += (now - first) / 1e9;
      events.accept(
          String.format(
              Locale.ROOT,
              "cluster: %s islands %s rebuilt elsewhere and run, %.2f s after their member left",
              Instant.now(),
              moved,
              (now - first) / 1e9));
      left.clear();
    }
  }

  private static Member leastLoaded(List<Member> members, Map<UUID, Integer> load, Member not) {
    Member best = null;
    for (Member m : members) {
      if (m.equals(not) && members.size() > 1) {
        continue;
      }
      if (best == null || load.get(m.getUuid()) < load.get(best.getUuid())) {
        best = m;
      }
    }
    return best;
  }

  private void submit(Sent s) {
    byte[] b = s.task.write(s.withRebuild);
    tasks++;
    if (s.withRebuild) {
      rebuilt++;
      rebuildOut += b.length;
      moved.add(s.task.island());
    } else {
      runOut += b.length;
      count(s.task);
    }
    IslandCall call = new IslandCall(run, sharedEntries, b);
    if (s.to.equals(self)) {
      // The coordinator's own islands: run here, as many at once as its threads, with no
      // executor hop (Hazelcast's executor serializes a task even for the local member).
      call.setHazelcastInstance(member);
      s.future = local.submit(call);
    } else {
      s.future = executor.submitToMember(call, s.to);
    }
  }

  /**
   * Counts a task's migrants and the bytes they take in it (slot, text length, canonical text,
   * birth, error and cost: {@link IslandTask#write(boolean)}).
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
  }

  /**
   * The task's result: sent again with its rebuild to the same member if it does not hold the
   * island, and to another member while its member is gone.
   */
  private byte[] await(Sent s, Map<UUID, Integer> load) {
    int island = s.task.island();
    for (int attempt = 1; ; attempt++) {
      try {
        byte[] r = s.future.get();
        if (!IslandWorker.notHeld(r)) {
          return r;
        }
        if (s.withRebuild || attempt >= ATTEMPTS) {
          throw new IllegalStateException("island " + island + " was not rebuilt");
        }
        s.withRebuild = true;
        submit(s);
      } catch (ExecutionException e) {
        if (!(e instanceof RetryableException || e.getCause() instanceof RetryableException)
            || attempt >= ATTEMPTS) {
          Throwable c = e.getCause() == null ? e : e.getCause();
          throw new UserError(
              "island " + island + " failed on a cluster member: " + c.getMessage(), 1);
        }
        rerun++;
        // Noticed here first, or by the membership listener.
        synchronized (membership) {
          if (gone.add(s.to.getUuid())) {
            left.put(s.to.getUuid(), System.nanoTime());
          }
        }
        pause();
        List<Member> members = new ArrayList<>(member.getCluster().getMembers());
        for (Member m : members) {
          load.putIfAbsent(m.getUuid(), 0);
        }
        Member gone = s.to;
        s.to = leastLoaded(members, load, gone);
        load.merge(s.to.getUuid(), 1, Integer::sum);
        s.withRebuild = true;
        submit(s);
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

  /**
   * The shared scores' counters summed over the members that published them: lookups, hits, hits on
   * entries another member stored, entries offered, keys asked of the map (those the members' near
   * caches missed), batches of offers sent; null without shared scores.
   */
  public long[] sharedCounts() {
    if (sharedEntries == 0) {
      return null;
    }
    long[] sum = new long[6];
    for (Map.Entry<String, long[]> e :
        member.<String, long[]>getMap(IslandWorkers.COUNTS).entrySet()) {
      if (e.getKey().startsWith(run + "/")) {
        for (int i = 0; i < Math.min(sum.length, e.getValue().length); i++) {
          sum[i] += e.getValue()[i];
        }
      }
    }
    return sum;
  }

  /** A few lines: members, tasks, bytes by kind and per batch, joins, failovers, shared scores. */
  public String summary() {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "cluster: %s now (at most %d in a batch); %,d batches of island tasks, %,d tasks"
                + " (%,d sent again after their member left, %,d carrying a rebuild)",
            Plural.of(members(), "member"),
            mostMembers,
            batches,
            tasks,
            rerun,
            rebuilt));
    b.append(
        String.format(
            Locale.ROOT,
            "%ncluster traffic: %,d bytes of tasks out and %,d of results back (%,d bytes per"
                + " batch), holding %,d migrants (%,.0f bytes each); %,d bytes of rebuilds out;"
                + " %,d bytes of states back (checkpoints)",
            runOut,
            runIn,
            batches == 0 ? 0 : (runOut + runIn) / batches,
            migrants,
            migrants == 0 ? 0.0 : (double) migrantBytes / migrants,
            rebuildOut,
            stateIn));
    b.append(
        String.format(
            Locale.ROOT,
            "%ncluster membership: %,d joins (islands ran on the new member %.2f s after it"
                + " joined, mean), %,d failovers (islands ran elsewhere %.2f s after their member"
                + " left, mean)",
            joins,
            joins == 0 ? 0.0 : joinSeconds / joins,
            failovers,
            failovers == 0 ? 0.0 : failoverSeconds / failovers));
    long[] c = sharedCounts();
    if (c != null) {
      b.append(
          String.format(
              Locale.ROOT,
              "%nshared scores: %,d lookups, %,d hits (%.1f%%), %,d of them on entries another"
                  + " member stored; %,d keys asked of the map (the rest answered by the members'"
                  + " near caches); %,d entries offered in %,d batches (%d bytes each in a"
                  + " batch, %d per key asked)",
              c[0],
              c[1],
              c[0] == 0 ? 0.0 : 100.0 * c[1] / c[0],
              c[2],
              c[4],
              c[3],
              c[5],
              ClusterSharedScores.OFFER_BYTES,
              ClusterSharedScores.LOOKUP_BYTES));
    } else {
      b.append(String.format(Locale.ROOT, "%nshared scores: off"));
    }
    return b.toString();
  }

  @Override
  public void close() {
    try {
      member.getMap(Members.SPECS).remove(run);
    } catch (RuntimeException e) {
      // Shutting down anyway.
    }
    local.shutdownNow();
    member.shutdown();
  }
}
