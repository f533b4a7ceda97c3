package numevo.runs.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import numevo.runs.exec.RunPlan;
import numevo.runs.store.RunDir;
import numevo.runs.store.RunSpec;

/** What the run commands share: checking that the files a run read are unchanged. */
final class RunArgs {
  private RunArgs() {}

  /**
   * The plan of a stored run's spec: a spec the plan refuses (a manifest edited by hand) is a
   * damaged manifest (exit 1), not a bad flag.
   */
  static RunPlan plan(RunDir dir, RunSpec spec, int threads) {
    try {
      return RunPlan.of(spec, threads);
    } catch (UserError e) {
      throw new UserError(
          dir.manifestFile() + ": the run's configuration is invalid: " + e.getMessage(), 1);
    }
  }

  /**
   * Checks every file the run read against its digest in the manifest.
   *
   * @throws UserError naming the first file that changed or is gone
   */
  static void checkFiles(RunDir dir, RunSpec spec) {
    for (Map.Entry<String, String> e : spec.files().entrySet()) {
      String now;
      try {
        now = RunDir.sha256(Path.of(e.getKey()));
      } catch (IOException x) {
        throw new UserError(
            dir.path() + ": the run read " + e.getKey() + ", which cannot be read now", 1);
      }
      if (!now.equals(e.getValue())) {
        throw new UserError(
            dir.path()
                + ": "
                + e.getKey()
                + " changed since the run started (SHA-256 "
                + now.substring(0, 12)
                + "..., recorded "
                + e.getValue().substring(0, Math.min(12, e.getValue().length()))
                + "...)",
            1);
      }
    }
  }
}
