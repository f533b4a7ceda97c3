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
import java.util.Locale;
import java.util.concurrent.Callable;
import numevo.dsl.compile.KernelCompiler;
import numevo.dsl.compile.KernelTooLargeException;
import numevo.dsl.export.CExporter;
import numevo.dsl.export.ExportException;
import numevo.dsl.export.JavaExporter;
import numevo.dsl.program.Program;
import numevo.dsl.program.ProgramException;
import numevo.dsl.text.Printer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code numevo export FILE --lang java|c|dsl|class [-o OUT]}: a kernel for use elsewhere. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Exports a kernel as Java, C, canonical text or a class file. As a self-contained Java"
          + " class (java), a C99 translation unit (c), its canonical text (dsl) or a JVM class"
          + " file (class). The java and c exports compute what"
          + " numevo computes, bit for bit; see docs/EXPORT.md.",
      "Text goes to standard output unless -o is given; class needs -o."
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

  @Parameters(index = "0", paramLabel = "FILE", description = "the kernel file")
  Path file;

  @Option(
      names = "--lang",
      required = true,
      paramLabel = "LANG",
      description = "java, c, dsl or class")
  String langName;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "OUT",
      description =
          "write to OUT instead of standard output; an existing file OUT needs --force; an"
              + " existing directory OUT gets a file named for the kernel (java: CLASS.java, c:"
              + " NAME.c, dsl: NAME.kernel, class: NAME.class)")
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
      write(bytes);
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

  private void write(byte[] bytes) {
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
