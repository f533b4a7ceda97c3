package numevo.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import numevo.dsl.program.Op;
import org.junit.jupiter.api.Test;

/**
 * Every switch over {@link Op} in the main sources of every module names every op and has no {@code
 * default}, so that javac reports each switch a new op misses: a switch expression over an enum
 * must be exhaustive, and a switch statement must be too when it has a {@code case null} (JLS
 * 14.11.2), which every statement over ops therefore carries.
 *
 * <p>A text scan, documented here: comments and string and character literals are blanked, each
 * {@code switch (...) {...}} block is matched by its braces, and its case labels at the block's own
 * depth are read. A switch is over ops when its labels are names of ops (and {@code null}): the
 * other enums switched on (a C helper has {@code BITS}) have other names too. A switch is a
 * statement when the text before {@code switch} ends with a semicolon or a brace; after {@code
 * return}, {@code =} or an arrow it is an expression, which javac checks without {@code case null}.
 */
class OpSwitchesAreExhaustiveTest {
  private static final Path ROOT = Path.of(System.getProperty("numevo.root", ".."));

  private static final Set<String> OPS =
      Arrays.stream(Op.values()).map(Op::name).collect(Collectors.toCollection(TreeSet::new));

  private static final Pattern SWITCH = Pattern.compile("\\bswitch\\s*\\(");
  private static final Pattern LABEL = Pattern.compile("\\b(case|default)\\b([^;{}]*?)(->|:)");

  /** One switch over ops that breaks the rule, as {@code file:line: problem}. */
  record Finding(String where, String problem) {}

  @Test
  void everySwitchOverOpsIsExhaustiveWithoutDefault() throws IOException {
    List<String> problems = new ArrayList<>();
    int switches = 0;
    try (Stream<Path> files = Files.walk(ROOT, 12)) {
      for (Path f :
          files
              .filter(p -> p.toString().endsWith(".java"))
              .filter(p -> p.toString().contains("/src/main/java/"))
              .filter(p -> !p.toString().contains("/target/"))
              .sorted()
              .toList()) {
        String src = Files.readString(f, StandardCharsets.UTF_8);
        for (Finding x : scan(src)) {
          if (x.problem() == null) {
            switches++;
          } else {
            problems.add(ROOT.relativize(f) + ":" + x.where() + ": " + x.problem());
          }
        }
      }
    }
    assertEquals(List.of(), problems);
    // The interpreter, columnar evaluator, compiler, Java and C exporters, residue hashing, cost
    // models, seq targets and Op itself: the scan must keep finding them.
    assertTrue(
        switches >= 17, "only " + switches + " switches over ops found; is the scan broken?");
  }

  @Test
  void theScanCatchesADefaultAMissingOpAndAStatementWithoutCaseNull() {
    String all = String.join(", ", OPS);
    String good = "int f(Op op) { return switch (op) { case " + all + " -> 1; }; }";
    assertEquals(List.of(new Finding("1", null)), scan(good));
    String withDefault = "int f(Op op) { return switch (op) { case FADD -> 1; default -> 2; }; }";
    assertTrue(problemsOf(withDefault).stream().anyMatch(p -> p.contains("default")));
    String missing = good.replace("FADD, ", "");
    assertTrue(problemsOf(missing).stream().anyMatch(p -> p.contains("FADD")));
    String statement = "void f(Op op) { switch (op) { case " + all + " -> g(); } }";
    assertTrue(problemsOf(statement).stream().anyMatch(p -> p.contains("case null")));
    String other = "int f(Type t) { return switch (t) { case F -> 1; default -> 2; }; }";
    assertEquals(List.of(), scan(other));
    other = "int f(Helper h) { return switch (h) { case BITS -> 1; case ROUND -> 2; }; }";
    assertEquals(List.of(), scan(other));
    String inComment = "// switch (op) { case FADD -> 1; default -> 2; }\nint x = \"default:\";";
    assertEquals(List.of(), scan(inComment));
  }

  private static List<String> problemsOf(String src) {
    return scan(src).stream().map(Finding::problem).filter(p -> p != null).toList();
  }

  /**
   * The switches over ops of a source: for each, a finding with a null problem if it follows the
   * rule, else one finding per problem.
   */
  static List<Finding> scan(String source) {
    String s = blank(source);
    List<Finding> out = new ArrayList<>();
    Matcher m = SWITCH.matcher(s);
    while (m.find()) {
      int close = matching(s, m.end() - 1, '(', ')');
      int open = s.indexOf('{', close);
      if (close < 0 || open < 0 || !s.substring(close + 1, open).isBlank()) {
        continue;
      }
      int end = matching(s, open, '{', '}');
      if (end < 0) {
        continue;
      }
      String body = topLevel(s.substring(open + 1, end));
      Set<String> labels = new LinkedHashSet<>();
      boolean hasDefault = false;
      Matcher l = LABEL.matcher(body);
      while (l.find()) {
        if (l.group(1).equals("default")) {
          hasDefault = true;
        } else {
          for (String x : l.group(2).split(",")) {
            labels.add(x.strip());
          }
        }
      }
      if (labels.stream().noneMatch(OPS::contains)
          || !labels.stream().allMatch(x -> OPS.contains(x) || x.equals("null"))) {
        continue;
      }
      String where =
          Integer.toString(
              1 + (int) s.substring(0, m.start()).chars().filter(c -> c == '\n').count());
      List<String> problems = new ArrayList<>();
      if (hasDefault) {
        problems.add("a switch over ops with a default");
      }
      Set<String> missing = new TreeSet<>(OPS);
      missing.removeAll(labels);
      if (!missing.isEmpty()) {
        problems.add("a switch over ops missing " + missing);
      }
      String before = s.substring(0, m.start()).stripTrailing();
      boolean statement =
          before.isEmpty() || before.endsWith(";") || before.endsWith("{") || before.endsWith("}");
      if (statement && !labels.contains("null")) {
        problems.add("a switch statement over ops without case null (javac would not check it)");
      }
      if (problems.isEmpty()) {
        out.add(new Finding(where, null));
      }
      for (String p : problems) {
        out.add(new Finding(where, p));
      }
    }
    return out;
  }

  /** The text at depth 0 of a block's body: nested parentheses and braces blanked. */
  private static String topLevel(String body) {
    StringBuilder b = new StringBuilder(body.length());
    int depth = 0;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '{' || c == '(') {
        depth++;
      }
      b.append(depth == 0 ? c : ' ');
      if (c == '}' || c == ')') {
        depth--;
      }
    }
    return b.toString();
  }

  /** The index of the bracket closing the one at {@code at}, or -1. */
  private static int matching(String s, int at, char open, char close) {
    int depth = 0;
    for (int i = at; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == open) {
        depth++;
      } else if (c == close && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /** The source with comments and string, text block and character literals blanked. */
  private static String blank(String src) {
    StringBuilder b = new StringBuilder(src);
    int i = 0;
    int n = src.length();
    while (i < n) {
      char c = src.charAt(i);
      int end;
      if (src.startsWith("//", i)) {
        end = src.indexOf('\n', i);
        end = end < 0 ? n : end;
      } else if (src.startsWith("/*", i)) {
        end = src.indexOf("*/", i + 2);
        end = end < 0 ? n : end + 2;
      } else if (src.startsWith("\"\"\"", i)) {
        end = src.indexOf("\"\"\"", i + 3);
        end = end < 0 ? n : end + 3;
      } else if (c == '"' || c == '\'') {
        end = i + 1;
        while (end < n && src.charAt(end) != c) {
          end += src.charAt(end) == '\\' ? 2 : 1;
        }
        end = Math.min(n, end + 1);
      } else {
        i++;
        continue;
      }
      for (int j = i; j < end; j++) {
        if (b.charAt(j) != '\n') {
          b.setCharAt(j, ' ');
        }
      }
      i = end;
    }
    return b.toString();
  }
}
