package numevo.runs.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import numevo.runs.cluster.ClusterIslandRunner;
import numevo.runs.cluster.ClusterOptions;
import numevo.runs.store.RunSpec;
import picocli.CommandLine.Option;

/**
 * The cluster flags of {@code search} and {@code resume}: with {@code --cluster} the command starts
 * an embedded Hazelcast member that coordinates the run and runs islands on every member that joins
 * ({@code numevo worker --join}). Without it no member is started and nothing listens.
 */
final class ClusterFlags {

  @Option(
      names = "--cluster",
      description =
          "run the islands on a Hazelcast cluster: this process is the coordinating member"
              + " (it keeps the run store); workers join with 'numevo worker --join HOST:PORT'")
  boolean cluster;

  @Option(
      names = "--members",
      paramLabel = "HOST:PORT",
      split = ",",
      description = "with --cluster: members to join or wait for (TCP-IP, no multicast)")
  List<String> members = List.of();

  @Option(
      names = "--port",
      paramLabel = "P",
      description = "with --cluster: the first port to listen on; default: 5701")
  int port = ClusterOptions.DEFAULT_PORT;

  @Option(
      names = "--interface",
      paramLabel = "IP",
      description = "with --cluster: the only interface to listen on; default: 127.0.0.1")
  String host = ClusterOptions.DEFAULT_HOST;

  @Option(
      names = "--cluster-name",
      paramLabel = "NAME",
      description = "with --cluster: members of another name are refused; default: numevo")
  String clusterName = ClusterOptions.DEFAULT_NAME;

  @Option(
      names = "--min-members",
      paramLabel = "N",
      description =
          "with --cluster: wait (up to --member-wait) until N members, this one included, have"
              + " joined before searching; default: 1")
  int minMembers = 1;

  @Option(
      names = "--shared-cache",
      negatable = true,
      description =
          "with --cluster: islands share scores across members through a Hazelcast map (each"
              + " member with a near cache in front of it); off by default, since on cheap targets"
              + " such as exp2 a lookup costs more than the scoring it saves; results are the same"
              + " either way")
  Boolean sharedCache;

  @Option(
      names = "--cluster-pause-ms",
      hidden = true,
      description = "with --cluster: wait this long before each batch (tests); default: 0")
  long pauseMillis;

  @Option(
      names = "--cluster-hold-members",
      hidden = true,
      description =
          "with --cluster: before the second batch, wait (up to --member-wait) for N members"
              + " (tests); default: 0")
  int holdMembers;

  @Option(
      names = "--member-wait",
      paramLabel = "S",
      description = "with --cluster: the longest wait for --min-members, in seconds; default: 120")
  int memberWait = 120;

  /**
   * Starts the coordinating member if {@code --cluster} was given.
   *
   * @param spec the run's specification, as its manifest holds it
   * @param threads the threads this member runs islands on
   * @param sharedEntries the most shared-score entries in all (with --shared-cache)
   * @return the cluster's island runner, or null without {@code --cluster}
   * @throws UserError naming a flag given without {@code --cluster} or out of bounds
   */
  ClusterIslandRunner start(RunSpec spec, int threads, int sharedEntries, PrintWriter w) {
    check();
    if (!cluster) {
      return null;
    }
    ClusterOptions o = ClusterOptions.of(host, port, members, clusterName, threads);
    ClusterIslandRunner r =
        ClusterIslandRunner.start(
            o,
            spec,
            minMembers,
            Duration.ofSeconds(memberWait),
            Boolean.TRUE.equals(sharedCache) ? sharedEntries : 0,
            address -> {
              w.println(
                  "cluster: coordinating member "
                      + address
                      + " of cluster "
                      + clusterName
                      + (minMembers > 1 ? ", waiting for " + minMembers + " members" : "")
                      + " (workers join with: numevo worker --join "
                      + address
                      + (clusterName.equals(ClusterOptions.DEFAULT_NAME)
                          ? ""
                          : " --cluster-name " + clusterName)
                      + ")");
              w.flush();
            },
            line -> {
              synchronized (w) {
                w.println(line);
                w.flush();
              }
            });
    r.pauseBeforeBatches(pauseMillis);
    r.holdBeforeSecondBatch(holdMembers, Duration.ofSeconds(memberWait));
    w.println("cluster: " + Plural.of(r.members(), "member"));
    w.flush();
    return r;
  }

  /**
   * The bound of the shared scores, over all members: what the islands' own caches hold together
   * (islands times the cache's entries), the bound a single process has on its islands' caches.
   */
  static int sharedEntries(numevo.evolver.search.SearchConfig c) {
    return (int)
        Math.min(Integer.MAX_VALUE, (long) c.islands().islands() * c.hash().cache().maxEntries());
  }

  /** Refuses cluster flags without {@code --cluster} and bounds out of range, before any work. */
  void check() {
    boolean others =
        !members.isEmpty()
            || port != ClusterOptions.DEFAULT_PORT
            || !host.equals(ClusterOptions.DEFAULT_HOST)
            || !clusterName.equals(ClusterOptions.DEFAULT_NAME)
            || minMembers != 1
            || memberWait != 120
            || sharedCache != null
            || pauseMillis != 0
            || holdMembers != 0;
    if (!cluster && others) {
      throw new UserError(
          "--members, --port, --interface, --cluster-name, --min-members, --member-wait and"
              + " --[no-]shared-cache need --cluster",
          2);
    }
    if (pauseMillis < 0) {
      throw new UserError("--cluster-pause-ms must be >= 0", 2);
    }
    if (minMembers < 1) {
      throw new UserError("--min-members must be >= 1", 2);
    }
    if (memberWait < 0) {
      throw new UserError("--member-wait must be >= 0 seconds", 2);
    }
    if (cluster) {
      ClusterOptions.of(host, port, members, clusterName, 1);
    }
  }
}
