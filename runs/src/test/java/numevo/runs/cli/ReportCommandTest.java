package numevo.runs.cli;

import static numevo.runs.cli.CliRun.assertOneLineError;
import static numevo.runs.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import numevo.runs.cli.CliRun.Run;
import numevo.runs.store.RunFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code numevo report} on a run directory written like the run store's: the page, its plots (PNG
 * files that exist and are not empty), the front table, one-line errors; and the screenshot script
 * when Chromium is installed.
 */
class ReportCommandTest {

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};

  @TempDir Path dir;

  /** The image sources of a page, resolved against its folder; each checked to be a PNG. */
  private static List<Path> images(Path html) throws Exception {
    String page = Files.readString(html, StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("<img src=\"([^\"]+)\"").matcher(page);
    List<Path> out = new ArrayList<>();
    while (m.find()) {
      Path img = html.getParent().resolve(m.group(1));
      assertTrue(Files.isRegularFile(img), img.toString());
      byte[] bytes = Files.readAllBytes(img);
      assertTrue(bytes.length > 1000, img + ": " + bytes.length + " bytes");
      assertArrayEquals(PNG, Arrays.copyOf(bytes, 4), img + " is not a PNG");
      out.add(img);
    }
    return out;
  }

  @Test
  void writesThePageWithItsPlotsAndTheFrontTable() throws Exception {
    Path runDir = RunFixture.write(dir.resolve("run"));
    Run r = run("report", runDir.toString());
    assertEquals(0, r.exit(), r.err());
    assertEquals("", r.err());
    Path html = runDir.resolve("report.html");
    assertTrue(r.out().startsWith("wrote " + html.toAbsolutePath()), r.out());
    String page = Files.readString(html, StandardCharsets.UTF_8);
    List<Path> images = images(html);
    // Front, the domain errors of the cheapest and the best kernel, two convergence plots, cache
    // hit rate, throughput.
    assertEquals(7, images.size(), images.toString());
    for (Path img : images) {
      assertEquals(runDir.resolve("report-files").toAbsolutePath(), img.getParent().normalize());
    }
    assertTrue(page.contains("<table class=\"front\">"), page);
    for (RunFixture.Kernel k : RunFixture.kernels()) {
      String name = k.text().lines().filter(l -> l.startsWith("kernel ")).findFirst().orElseThrow();
      assertTrue(page.contains(name), name);
    }
    assertTrue(page.contains("exp2_deg2"), page);
    // The baselines are in the front plot's caption, the configuration table holds the manifest.
    assertTrue(page.contains("Diamonds: the target&#39;s baselines") || page.contains("baselines"));
    assertTrue(page.contains("<th>search seed</th><td>1</td>"), page);
    assertTrue(page.contains("<th>store status</th><td>finished</td>"), page);
    assertFalse(page.contains("class=\"note\""), page);
  }

  @Test
  void writesElsewhereWithMinusOAndDrawsChosenKernels() throws Exception {
    Path runDir = RunFixture.write(dir.resolve("run"));
    Path html = dir.resolve("out/page.html");
    Files.createDirectories(html.getParent());
    Run r = run("report", runDir.toString(), "-o", html.toString(), "--kernel", "1,2,3");
    assertEquals(0, r.exit(), r.err());
    assertEquals(8, images(html).size());
    assertTrue(Files.isDirectory(dir.resolve("out/page-files")));
    String page = Files.readString(html, StandardCharsets.UTF_8);
    assertTrue(page.contains("<th>#3 cost"), page);
    assertTrue(page.contains("Signed error over the domain: #2 cost"), page);
    assertFalse(Files.exists(runDir.resolve("report.html")));
  }

  @Test
  void aRunWithoutGenerationsOrFrontGetsNotesNotBrokenPlots() throws Exception {
    Path runDir = RunFixture.write(dir.resolve("run"));
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + runDir.resolve("run.db"));
        var st = c.createStatement()) {
      st.execute("DELETE FROM front");
      st.execute("DELETE FROM generations");
      st.execute("DELETE FROM discoveries");
    }
    Run r = run("report", runDir.toString());
    assertEquals(0, r.exit(), r.err());
    String page = Files.readString(runDir.resolve("report.html"), StandardCharsets.UTF_8);
    assertTrue(page.contains("the run&#39;s front is empty") || page.contains("front is empty"));
    assertTrue(page.contains("no generations recorded"), page);
    images(runDir.resolve("report.html"));
  }

  @Test
  void notARunDirectoryIsAUsageError() throws Exception {
    assertOneLineError(run("report", dir.toString()), 2, "not a run directory");
    assertOneLineError(
        run("report", dir.resolve("nothing").toString()), 2, "no such run directory");
  }

  @Test
  void anUnreadableStoreOrManifestIsAOneLineFailure() throws Exception {
    Path runDir = RunFixture.write(dir.resolve("run"));
    Files.writeString(runDir.resolve("run.db"), "this is not a database, ".repeat(100));
    assertOneLineError(run("report", runDir.toString()), 1, "run.db: the run store is corrupt");

    Path other = RunFixture.write(dir.resolve("other"));
    Files.writeString(other.resolve("manifest.json"), "{\"format\": 1, \"spec\": ");
    assertOneLineError(
        run("report", other.toString()), 1, "manifest.json:1:23: not a numevo manifest");
  }

  @Test
  void anUnknownKernelPositionIsAUsageError() {
    Path runDir = RunFixture.write(dir.resolve("run"));
    assertOneLineError(
        run("report", runDir.toString(), "--kernel", "9"), 2, "--kernel: no kernel at position 9");
  }

  /**
   * scripts/report-screenshot.sh renders the page in headless Chromium (installing Debian's package
   * first where it is missing and the tests run as root, as on CI), and the picture is not blank.
   */
  @Test
  void theScreenshotScriptRendersThePage() throws Exception {
    assumeTrue(
        onPath("chromium") || (isRoot() && onPath("apt-get")),
        "chromium is not installed and cannot be (not root)");
    Path script = Path.of("..", "scripts", "report-screenshot.sh").toAbsolutePath().normalize();
    assertTrue(Files.isExecutable(script), script.toString());
    Path runDir = RunFixture.write(dir.resolve("run"));
    assertEquals(0, run("report", runDir.toString()).exit());
    Path shot = dir.resolve("shot.png");
    Process p =
        new ProcessBuilder(script.toString(), runDir.toString(), shot.toString(), "1200", "2000")
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    // Up to 10 minutes: the first run may install chromium.
    assertTrue(p.waitFor(600, TimeUnit.SECONDS), "chromium took too long");
    assertEquals(0, p.exitValue(), output);
    byte[] bytes = Files.readAllBytes(shot);
    assertTrue(bytes.length > 10_000, "screenshot of " + bytes.length + " bytes");
    assertArrayEquals(PNG, Arrays.copyOf(bytes, 4));
    // A person would see a page: plots and tables, not a blank or single-colour picture.
    java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(shot.toFile());
    long inked = 0;
    java.util.Set<Integer> colours = new java.util.HashSet<>();
    for (int y = 0; y < img.getHeight(); y += 2) {
      for (int x = 0; x < img.getWidth(); x += 2) {
        int rgb = img.getRGB(x, y) & 0xffffff;
        colours.add(rgb);
        if (rgb != 0xffffff) {
          inked++;
        }
      }
    }
    long sampled = (long) ((img.getHeight() + 1) / 2) * ((img.getWidth() + 1) / 2);
    assertTrue(inked > sampled / 100, "nearly blank: " + inked + " of " + sampled + " pixels");
    assertTrue(colours.size() > 20, "only " + colours.size() + " colours");
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static boolean onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String d : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(d, command))) {
        return true;
      }
    }
    return false;
  }
}
