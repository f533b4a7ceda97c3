package numevo.dsl.export;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources in memory with javax.tools, all in one task, and loads the classes. Any
 * warning under {@code -Xlint:all} counts as a failure: exported code must compile cleanly.
 */
final class InMemoryJavaCompiler {
  private InMemoryJavaCompiler() {}

  /** A compilation unit: the qualified name of its public class and its text. */
  record Unit(String className, String source) {}

  /**
   * @param release the {@code --release} to compile for
   * @return a loader that defines the compiled classes
   * @throws AssertionError listing the diagnostics, if there is any error or warning
   */
  static ClassLoader compile(List<Unit> units, int release) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new AssertionError("no system Java compiler: run the tests on a JDK");
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Map<String, ByteArrayOutputStream> classes = new HashMap<>();
    List<JavaFileObject> sources = new ArrayList<>();
    Map<URI, Unit> byUri = new HashMap<>();
    for (Unit u : units) {
      URI uri = URI.create("string:///" + u.className().replace('.', '/') + ".java");
      byUri.put(uri, u);
      sources.add(
          new SimpleJavaFileObject(uri, JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
              return u.source();
            }
          });
    }
    StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, Locale.ROOT, null);
    JavaFileManager manager =
        new ForwardingJavaFileManager<>(standard) {
          @Override
          public JavaFileObject getJavaFileForOutput(
              Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
            URI uri = URI.create("mem:///" + className.replace('.', '/') + kind.extension);
            return new SimpleJavaFileObject(uri, kind) {
              @Override
              public OutputStream openOutputStream() {
                return classes.computeIfAbsent(className, k -> new ByteArrayOutputStream());
              }
            };
          }
        };
    List<String> options =
        List.of("--release", Integer.toString(release), "-Xlint:all", "-proc:none");
    boolean ok = javac.getTask(null, manager, diagnostics, options, null, sources).call();
    List<String> problems = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.NOTE) {
        continue;
      }
      Unit u = d.getSource() == null ? null : byUri.get(d.getSource().toUri());
      problems.add(
          d.getKind()
              + " "
              + (u == null ? "" : u.className() + ":" + d.getLineNumber() + ": ")
              + d.getMessage(Locale.ROOT)
              + (u == null ? "" : "\n" + numbered(u.source())));
    }
    if (!ok || !problems.isEmpty()) {
      throw new AssertionError(
          "javac: " + problems.size() + " problems; first:\n" + problems.get(0));
    }
    return new ClassLoader(InMemoryJavaCompiler.class.getClassLoader()) {
      @Override
      protected Class<?> findClass(String name) throws ClassNotFoundException {
        ByteArrayOutputStream b = classes.get(name);
        if (b == null) {
          throw new ClassNotFoundException(name);
        }
        byte[] bytes = b.toByteArray();
        return defineClass(name, bytes, 0, bytes.length);
      }
    };
  }

  static String numbered(String source) {
    StringBuilder sb = new StringBuilder();
    List<String> lines = source.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      sb.append(String.format(Locale.ROOT, "%4d  %s%n", i + 1, lines.get(i)));
    }
    return sb.toString();
  }
}
