package numevo.runs.cli;

import static numevo.runs.cli.CliRun.assertOneLineError;
import static numevo.runs.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import numevo.dsl.compile.KernelCompiler;
import numevo.dsl.export.CExporter;
import numevo.dsl.export.JavaExporter;
import numevo.dsl.program.Program;
import numevo.dsl.text.Parser;
import numevo.dsl.text.Printer;
import numevo.runs.cli.CliRun.Run;
import numevo.runs.store.RunFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code numevo export RUN --pick ... --lang ... -o DIR}: a run's front kernels, one file per
 * kernel named by target and cost, through the same exporters as a kernel file.
 */
class ExportRunTest {

  @TempDir Path dir;

  private Path runDir;
  private List<RunFixture.Kernel> kernels;

  @BeforeEach
  void fixture() {
    runDir = RunFixture.write(dir.resolve("run"));
    kernels = RunFixture.kernels();
  }

  private static List<String> names(Path d) throws Exception {
    try (Stream<Path> s = Files.list(d)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** Front kernel i of the fixture renamed as the export names it. */
  private Program kernel(int i, String name) {
    Program p = Parser.parse(kernels.get(i).text(), "k");
    return Program.of(name, p.format(), p.inputs(), p.body(), p.outputs());
  }

  private static String cost(double c) {
    return TargetsCommand.cost(c);
  }

  @Test
  void bestIsTheKernelOfSmallestErrorAsDsl() throws Exception {
    Path out = dir.resolve("out");
    Run r =
        run("export", runDir.toString(), "--pick", "best", "--lang", "dsl", "-o", out.toString());
    assertEquals(0, r.exit(), r.err());
    String best = "exp2-cost" + cost(kernels.get(3).cost());
    assertEquals(List.of(best + ".kernel"), names(out));
    assertTrue(r.out().startsWith("wrote " + out.resolve(best + ".kernel")), r.out());
    String text = Files.readString(out.resolve(best + ".kernel"), StandardCharsets.UTF_8);
    assertEquals(Printer.print(kernel(3, best.replace('-', '_'))), text);
    // best is the default
    Path out2 = dir.resolve("out2");
    assertEquals(
        0, run("export", runDir.toString(), "--lang", "dsl", "-o", out2.toString()).exit());
    assertEquals(names(out), names(out2));
  }

  @Test
  void frontWritesEveryKernelAsJava() throws Exception {
    Path out = dir.resolve("java");
    Run r =
        run("export", runDir.toString(), "--pick", "front", "--lang", "java", "-o", out.toString());
    assertEquals(0, r.exit(), r.err());
    assertEquals(4, r.out().lines().count(), r.out());
    assertEquals(4, names(out).size());
    for (int i = 0; i < kernels.size(); i++) {
      String cls = "Exp2Cost" + cost(kernels.get(i).cost());
      Path f = out.resolve(cls + ".java");
      assertTrue(Files.isRegularFile(f), f.toString());
      assertEquals(
          JavaExporter.export(kernel(i, "exp2_cost" + cost(kernels.get(i).cost())), cls),
          Files.readString(f, StandardCharsets.UTF_8));
    }
  }

  @Test
  void aPositionAsC() throws Exception {
    Path out = dir.resolve("c");
    Run r = run("export", runDir.toString(), "--pick", "1", "--lang", "c", "-o", out.toString());
    assertEquals(0, r.exit(), r.err());
    String base = "exp2-cost" + cost(kernels.get(1).cost());
    assertEquals(List.of(base + ".c"), names(out));
    String c = Files.readString(out.resolve(base + ".c"), StandardCharsets.UTF_8);
    assertEquals(CExporter.export(kernel(1, base.replace('-', '_'))), c);
    assertTrue(c.contains("exp2_cost" + cost(kernels.get(1).cost()) + "("), c);
  }

  @Test
  void aCostAsAClassFile() throws Exception {
    Path out = dir.resolve("class");
    String c = cost(kernels.get(2).cost());
    Run r =
        run(
            "export",
            runDir.toString(),
            "--pick",
            "cost=" + c,
            "--lang",
            "class",
            "-o",
            out.toString());
    assertEquals(0, r.exit(), r.err());
    assertEquals(List.of("exp2-cost" + c + ".class"), names(out));
    assertArrayEquals(
        KernelCompiler.classBytes(kernel(2, "exp2_cost" + c)),
        Files.readAllBytes(out.resolve("exp2-cost" + c + ".class")));
  }

  @Test
  void existingFilesNeedForce() throws Exception {
    Path out = dir.resolve("out");
    String[] args = {
      "export", runDir.toString(), "--pick", "front", "--lang", "dsl", "-o", out.toString()
    };
    assertEquals(0, run(args).exit());
    Run again = run(args);
    assertOneLineError(again, 1, "exists (use --force to overwrite)");
    String[] forced = {
      "export",
      runDir.toString(),
      "--pick",
      "front",
      "--lang",
      "dsl",
      "-o",
      out.toString(),
      "--force"
    };
    assertEquals(0, run(forced).exit());
  }

  @Test
  void usageErrors() throws Exception {
    String run = runDir.toString();
    String out = dir.resolve("o").toString();
    assertOneLineError(run("export", run, "--lang", "dsl"), 2, "give -o DIR");
    assertOneLineError(
        run("export", run, "--pick", "9", "--lang", "dsl", "-o", out), 2, "position 9");
    assertOneLineError(
        run("export", run, "--pick", "cost=1000", "--lang", "dsl", "-o", out),
        2,
        "no front kernel costs");
    assertOneLineError(
        run("export", run, "--pick", "worst", "--lang", "dsl", "-o", out), 2, "--pick");
    assertOneLineError(
        run("export", run, "--lang", "java", "--name", "X", "-o", out), 2, "--name does not apply");
    Path kernelFile = Files.writeString(dir.resolve("k.kernel"), kernels.get(0).text());
    assertOneLineError(
        run("export", kernelFile.toString(), "--pick", "best", "--lang", "dsl"),
        2,
        "--pick applies");
    assertOneLineError(run("export", dir.toString(), "--lang", "dsl"), 2, "a directory");
    assertFalse(Files.exists(Path.of(out)));
  }

  @Test
  void aCorruptStoreIsAOneLineFailure() throws Exception {
    Files.writeString(runDir.resolve("run.db"), "not sqlite ".repeat(200));
    assertOneLineError(
        run("export", runDir.toString(), "--lang", "dsl", "-o", dir.resolve("o").toString()),
        1,
        "run.db: the run store is corrupt");
  }

  @Test
  void fileStems() {
    assertEquals("exp2", ExportCommand.stem("exp2"));
    assertEquals("lmul-e4m3", ExportCommand.stem("lmul-e4m3"));
    assertEquals("my-exp", ExportCommand.stem("dir/My_Exp.target"));
    assertEquals("k-2d", ExportCommand.stem("2d"));
    assertEquals("1p9", ExportCommand.costText(1.9));
    assertEquals("24", ExportCommand.costText(24));
  }
}
