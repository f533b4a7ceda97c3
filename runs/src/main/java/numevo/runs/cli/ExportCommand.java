package numevo.runs.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import numevo.dsl.compile.KernelCompiler;
import numevo.dsl.compile.KernelTooLargeException;
import numevo.dsl.export.CExporter;
import numevo.dsl.export.ExportException;
import numevo.dsl.export.JavaExporter;
import numevo.dsl.program.Program;
import numevo.dsl.program.ProgramException;
import numevo.dsl.text.Parser;
import numevo.dsl.text.Printer;
import numevo.runs.report.RunReport;
import numevo.runs.store.RunReader;
import numevo.runs.store.RunReader.FrontEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code numevo export FILE --lang java|c|dsl|class [-o OUT]}: a kernel for use elsewhere; {@code
 * numevo export RUN --pick best|front|POSITION|cost=C --lang L -o DIR}: a run's front kernels.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Exports a kernel as Java, C, canonical text or a class file. As a self-contained Java"
          + " class (java), a C99 translation unit (c), its canonical text (dsl) or a JVM class"
          + " file (class). The java and c exports compute what"
          + " numevo computes, bit for bit; see docs/EXPORT.md.",
      "Text goes to standard output unless -o is given; class needs -o.",
      "FILE may be a run directory (what 'numevo search' writes: manifest.json, run.db): then"
          + " the kernels of the run's Pareto front that --pick chooses are written to the folder"
          + " -o DIR (created), one file per kernel named after the target and the kernel's cost:"
          + " exp2-cost24.kernel, exp2-cost24.c (function exp2_cost24), Exp2Cost24.java (class"
          + " Exp2Cost24), exp2-cost24.class; a fractional cost's point becomes p (lmul-e4m3-cost1p9),"
          + " and kernels of equal cost get their front position appended (-pos3)."
    },
    sortOptions = false)
final class ExportCommand implements Callable<Integer> {

  /** Exit code for bad usage, as picocli uses for its own parameter errors. */
  static final int USAGE = 2;

  /** The export languages. */
  enum Lang {
    JAVA,
    C,
    DSL,
    CLASS;

    static Lang of(String s) {
      for (Lang l : values()) {
        if (l.name().toLowerCase(Locale.ROOT).equals(s)) {
          return l;
        }
      }
      throw new UserError(
          "--lang: unknown language '" + s + "' (expected java, c, dsl or class)", USAGE);
    }
  }

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "the kernel file, or a run directory")
  Path file;

  @Option(
      names = "--pick",
      paramLabel = "WHICH",
      description = {
        "with a run directory, which front kernels: best (the smallest error, the default), front"
            + " (all), a POSITION in the front (0 is the cheapest; as 'numevo report' numbers"
            + " them), or cost=C (the front kernel costing C, e.g. cost=24)"
      })
  String pick;

  @Option(
      names = "--lang",
      required = true,
      paramLabel = "LANG",
      description = "java, c, dsl or class")
  String langName;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "OUT",
      description = {
        "write to OUT instead of standard output; an existing file OUT needs --force; an"
            + " existing directory OUT gets a file named for the kernel (java: CLASS.java, c:"
            + " NAME.c, dsl: NAME.kernel, class: NAME.class)",
        "with a run directory: the folder to write to (created); existing files need --force"
      })
  Path output;

  @Option(names = "--force", description = "overwrite OUT if it exists")
  boolean force;

  @Option(
      names = {"--name", "--class-name"},
      paramLabel = "NAME",
      description = {
        "java: the class name, possibly qualified (a package); default: from OUT if it ends in"
            + " .java, else from the kernel name (exp2_horner6 gives Exp2Horner6).",
        "c: the function name (default: the kernel name). dsl: a new kernel name."
      })
  String name;

  @Override
  public Integer call() {
    Lang lang = Lang.of(langName);
    if (RunReader.isRun(file)) {
      return exportRun(lang);
    }
    if (pick != null) {
      throw new UserError(
          "--pick applies to a run directory; " + file + " is not one (no manifest.json)", USAGE);
    }
    if (Files.isDirectory(file)) {
      throw new UserError(file + ": a directory, not a kernel file or a run directory", USAGE);
    }
    if (lang == Lang.CLASS && output == null) {
      throw new UserError("--lang class writes a binary class file: give -o OUT", USAGE);
    }
    if (lang == Lang.CLASS && name != null) {
      throw new UserError("--name does not apply to --lang class", USAGE);
    }
    if (output != null && output.toString().isEmpty()) {
      throw new UserError("-o: empty path: give a file or a directory", USAGE);
    }
    Program program = KernelFiles.read(file).program();
    if (output != null && Files.isDirectory(output)) {
      output = output.resolve(fileName(lang, program));
    }
    if (lang == Lang.JAVA) {
      checkClassMatchesFile(program);
    }
    if (output != null && !force && Files.exists(output)) {
      throw new UserError(output + ": exists (use --force to overwrite)");
    }
    if (output != null && Files.isDirectory(output)) {
      throw new UserError(output + ": is a directory");
    }
    byte[] bytes;
    try {
      bytes =
          switch (lang) {
            case JAVA -> utf8(JavaExporter.export(program, className(program)));
            case C ->
                utf8(name == null ? CExporter.export(program) : CExporter.export(program, name));
            case DSL -> utf8(Printer.print(name == null ? program : renamed(program, name)));
            case CLASS -> classBytes(program);
          };
    } catch (IllegalArgumentException e) {
      throw new UserError("--name: " + e.getMessage(), USAGE);
    } catch (ExportException e) {
      throw new UserError(file + ": cannot export to " + langName + ": " + e.getMessage());
    }
    if (output == null) {
      PrintWriter out = spec.commandLine().getOut();
      out.print(new String(bytes, StandardCharsets.UTF_8));
      out.flush();
    } else {
      write(output, bytes);
    }
    return 0;
  }

  /** The file written into a directory given as OUT. */
  private String fileName(Lang lang, Program program) {
    String kernel = name != null ? name : program.name();
    return switch (lang) {
      case JAVA -> simpleName(name != null ? name : JavaExporter.className(program)) + ".java";
      case C -> kernel + ".c";
      case DSL -> kernel + ".kernel";
      case CLASS -> program.name() + ".class";
    };
  }

  /** javac wants a public class in a file of its name: refuse a --name that OUT contradicts. */
  private void checkClassMatchesFile(Program program) {
    if (name == null || output == null || output.getFileName() == null) {
      return;
    }
    String f = output.getFileName().toString();
    if (!f.endsWith(".java")) {
      return;
    }
    String simple = simpleName(name);
    if (!f.equals(simple + ".java")) {
      throw new UserError(
          "--name "
              + name
              + ": javac needs the public class "
              + simple
              + " in "
              + simple
              + ".java, not "
              + f
              + " (give -o "
              + simple
              + ".java or a directory, or leave out --name to name the class after OUT)",
          USAGE);
    }
  }

  private static String simpleName(String qualified) {
    return qualified.substring(qualified.lastIndexOf('.') + 1);
  }

  /** Exports the front kernels {@code --pick} chooses of the run directory {@code file}. */
  private int exportRun(Lang lang) {
    if (output == null) {
      throw new UserError("a run directory exports to a folder: give -o DIR", USAGE);
    }
    if (name != null) {
      throw new UserError(
          "--name does not apply to a run directory (files are named by target and cost)", USAGE);
    }
    if (Files.exists(output) && !Files.isDirectory(output)) {
      throw new UserError(output + ": exists and is not a directory");
    }
    RunReader run = RunStores.open(file);
    List<FrontEntry> front;
    String targetName;
    try {
      targetName = run.manifest().target();
      // A ranked run's kernels are the ranked front's (re-tuned, with their checked errors).
      front = run.shownFront();
    } catch (RunReader.RunException e) {
      throw RunStores.error(e);
    }
    List<FrontEntry> picked = pick(front);
    String stem = stem(targetName);
    Map<String, Long> costs =
        front.stream()
            .collect(Collectors.groupingBy(e -> costText(e.cost()), Collectors.counting()));
    // Every file's name and bytes first: nothing is written if one kernel cannot be exported.
    Map<Path, byte[]> files = new LinkedHashMap<>();
    List<String> lines = new ArrayList<>();
    for (FrontEntry e : picked) {
      String base = stem + "-cost" + costText(e.cost());
      if (costs.get(costText(e.cost())) > 1) {
        base += "-pos" + e.position();
      }
      Program p;
      try {
        p = renamed(Parser.parse(e.kernel(), base), base.replace('-', '_'));
      } catch (ProgramException | IllegalArgumentException ex) {
        throw new UserError(
            file.resolve(RunReader.DATABASE)
                + ": the front kernel at position "
                + e.position()
                + " does not parse: "
                + ex.getMessage().replaceAll("\\R", " "));
      }
      String fileName;
      byte[] bytes;
      try {
        switch (lang) {
          case JAVA -> {
            String cls = JavaExporter.className(p);
            fileName = cls + ".java";
            bytes = utf8(JavaExporter.export(p, cls));
          }
          case C -> {
            fileName = base + ".c";
            bytes = utf8(CExporter.export(p));
          }
          case DSL -> {
            fileName = base + ".kernel";
            bytes = utf8(Printer.print(p));
          }
          case CLASS -> {
            fileName = base + ".class";
            bytes = classBytes(p);
          }
          default -> throw new IllegalStateException(lang.toString());
        }
      } catch (ExportException ex) {
        throw new UserError(
            file
                + ": front kernel "
                + e.position()
                + ": cannot export to "
                + langName
                + ": "
                + ex.getMessage());
      }
      Path out = output.resolve(fileName);
      if (!force && Files.exists(out)) {
        throw new UserError(out + ": exists (use --force to overwrite)");
      }
      files.put(out, bytes);
      lines.add(
          "wrote "
              + out
              + " (front position "
              + e.position()
              + ", cost "
              + TargetsCommand.cost(e.cost())
              + ", error "
              + String.format(Locale.ROOT, "%.6g", e.error())
              + ")");
    }
    try {
      Files.createDirectories(output);
    } catch (IOException ex) {
      throw new UserError(output + ": cannot create the directory: " + ex.getMessage());
    }
    for (Map.Entry<Path, byte[]> f : files.entrySet()) {
      write(f.getKey(), f.getValue());
    }
    PrintWriter out = spec.commandLine().getOut();
    lines.forEach(out::println);
    out.flush();
    return 0;
  }

  /** The front kernels {@code --pick} names. */
  private List<FrontEntry> pick(List<FrontEntry> front) {
    if (front.isEmpty()) {
      throw new UserError(file + ": the run's front is empty: nothing to export");
    }
    String which = pick == null ? "best" : pick;
    if (which.equals("best")) {
      return List.of(RunReport.best(front).orElseThrow());
    }
    if (which.equals("front")) {
      return front;
    }
    if (which.matches("[0-9]{1,9}")) {
      int position = Integer.parseInt(which);
      return List.of(
          front.stream()
              .filter(e -> e.position() == position)
              .findFirst()
              .orElseThrow(
                  () ->
                      new UserError(
                          "--pick: no kernel at position "
                              + position
                              + " of the front (positions "
                              + front.stream()
                                  .map(e -> Integer.toString(e.position()))
                                  .collect(Collectors.joining(", "))
                              + ")",
                          USAGE)));
    }
    if (which.startsWith("cost=")) {
      String c = which.substring("cost=".length());
      double v;
      try {
        v = Double.parseDouble(c);
      } catch (NumberFormatException e) {
        throw new UserError("--pick: not a cost: '" + c + "'", USAGE);
      }
      List<FrontEntry> out =
          front.stream()
              .filter(e -> e.cost() == v || TargetsCommand.cost(e.cost()).equals(c))
              .toList();
      if (out.isEmpty()) {
        throw new UserError(
            "--pick: no front kernel costs "
                + c
                + " (costs "
                + front.stream()
                    .map(e -> TargetsCommand.cost(e.cost()))
                    .collect(Collectors.joining(", "))
                + ")",
            USAGE);
      }
      return out;
    }
    throw new UserError(
        "--pick: expected best, front, a front position or cost=C, got '" + which + "'", USAGE);
  }

  /** The target's name as a file-name stem: a target file's name without .target; [a-z0-9-]. */
  static String stem(String target) {
    String t = target;
    int slash = Math.max(t.lastIndexOf('/'), t.lastIndexOf('\\'));
    t = t.substring(slash + 1);
    if (t.endsWith(".target")) {
      t = t.substring(0, t.length() - ".target".length());
    }
    String s = t.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (s.isEmpty() || !Character.isLetter(s.charAt(0))) {
      s = "k" + (s.isEmpty() ? "" : "-" + s);
    }
    return s;
  }

  /** A cost in a file name: 24, or 1p9 for 1.9. */
  static String costText(double cost) {
    return TargetsCommand.cost(cost).replace('.', 'p').replace('-', 'm').replace('+', 'p');
  }

  /** The class name: --name, else from OUT's file name if it is a .java file, else derived. */
  private String className(Program program) {
    if (name != null) {
      return name;
    }
    if (output != null && output.getFileName() != null) {
      String f = output.getFileName().toString();
      if (f.endsWith(".java")) {
        return f.substring(0, f.length() - ".java".length());
      }
    }
    return JavaExporter.className(program);
  }

  private static Program renamed(Program p, String kernelName) {
    try {
      return Program.of(kernelName, p.format(), p.inputs(), p.body(), p.outputs());
    } catch (ProgramException e) {
      throw new IllegalArgumentException(e.getMessage());
    }
  }

  /**
   * The class file numevo's compiler defines for the kernel (as a hidden class): it extends
   * numevo's own kernel base class, so it runs only with numevo, loaded into its package.
   */
  private byte[] classBytes(Program program) {
    try {
      return KernelCompiler.classBytes(program);
    } catch (KernelTooLargeException e) {
      throw new UserError(file + ": cannot export to class: " + e.getMessage());
    }
  }

  private void write(Path output, byte[] bytes) {
    try {
      if (force) {
        Files.write(output, bytes);
      } else {
        // CREATE_NEW: a file that appeared since the check above is not overwritten either.
        Files.write(output, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      }
    } catch (FileAlreadyExistsException e) {
      throw new UserError(output + ": exists (use --force to overwrite)");
    } catch (NoSuchFileException e) {
      throw new UserError(output + ": cannot write: no such directory");
    } catch (AccessDeniedException e) {
      throw new UserError(output + ": cannot write: permission denied");
    } catch (FileSystemException e) {
      String reason = e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
      throw new UserError(output + ": cannot write: " + reason.toLowerCase(Locale.ROOT));
    } catch (IOException e) {
      throw new UserError(output + ": cannot write: " + e.getMessage());
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
