package numevo.runs.cluster;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import numevo.runs.cli.UserError;

/**
 * Where a cluster member listens and whom it joins.
 *
 * @param host the interface (an IP address) the member binds to and announces; nothing listens on
 *     another
 * @param port the first port tried (the next ones up to {@value #PORT_COUNT} later if taken)
 * @param members the members to join, as {@code HOST:PORT} (copied); empty for a first member
 * @param clusterName the cluster's name: members of another name are refused
 * @param threads the threads this member runs islands on (they change no result)
 */
public record ClusterOptions(
    String host, int port, List<String> members, String clusterName, int threads) {

  /** The default interface: loopback, so nothing is reachable from another machine. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  /** The default first port. */
  public static final int DEFAULT_PORT = 5701;

  /** The default cluster name. */
  public static final String DEFAULT_NAME = "numevo";

  /** How many ports after {@code port} a member tries. */
  public static final int PORT_COUNT = 20;

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern MEMBER = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}(:\\d{1,5})?");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  /** Checks the values, naming the flag at fault. */
  public ClusterOptions {
    Objects.requireNonNull(host, "host");
    if (!IPV4.matcher(host).matches()) {
      throw new UserError("--interface must be an IPv4 address such as 127.0.0.1: " + host, 2);
    }
    if (port < 1 || port > 65535 - PORT_COUNT) {
      throw new UserError("--port must be between 1 and " + (65535 - PORT_COUNT) + ": " + port, 2);
    }
    members = List.copyOf(members);
    for (String m : members) {
      if (!MEMBER.matcher(m).matches()) {
        throw new UserError(
            "--members and --join take IPv4 HOST:PORT addresses such as 127.0.0.1:5701: " + m, 2);
      }
    }
    if (!NAME.matcher(clusterName).matches()) {
      throw new UserError(
          "--cluster-name must be 1 to 64 letters, digits, '.', '_' or '-': " + clusterName, 2);
    }
    if (threads < 1) {
      throw new UserError("--threads must be >= 1", 2);
    }
  }

  /** See the record's components. */
  public static ClusterOptions of(
      String host, int port, List<String> members, String clusterName, int threads) {
    return new ClusterOptions(host, port, members, clusterName, threads);
  }
}
