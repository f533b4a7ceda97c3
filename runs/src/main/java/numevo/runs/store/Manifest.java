package numevo.runs.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * A run's {@code manifest.json}: what made the run (numevo version, git commit if known, JDK) and
 * its whole configuration ({@link RunSpec}). Written once when the run starts; a program reads it
 * back to resume, replay or report the run.
 *
 * @param format the manifest format; a newer one than {@link #FORMAT} is refused
 * @param numevo the numevo version that made the run
 * @param git the git commit numevo was built from, or null if unknown
 * @param jdk the Java runtime's version
 * @param createdUtc when the run started, ISO-8601 UTC
 * @param threads the threads of the first process (they change no result)
 * @param spec the configuration
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Manifest(
    int format,
    String numevo,
    String git,
    String jdk,
    @JsonProperty("created_utc") String createdUtc,
    int threads,
    RunSpec spec) {

  /** The manifest format this numevo writes and reads. */
  public static final int FORMAT = 1;

  /** The numevo version. */
  public static final String VERSION = "0.1.0";

  /** Checks the required parts are present. */
  public Manifest {
    Objects.requireNonNull(spec, "spec");
  }
}
