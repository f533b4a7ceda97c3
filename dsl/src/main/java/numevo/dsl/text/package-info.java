/**
 * The kernel text syntax: a line-oriented format people write by hand, its {@link
 * numevo.dsl.text.Parser} (with {@code file:line:col} diagnostics) and its canonical {@link
 * numevo.dsl.text.Printer}. Printing then parsing gives back an equal program.
 *
 * <pre>
 * file        = kernel-line { input-line } { instruction } output-line { output-line }
 * kernel-line = "kernel" NAME FORMAT            FORMAT as NumberFormat.byName (aliases allowed)
 * input-line  = "input" NAME ":" TYPE
 * instruction = NAME "=" MNEMONIC { operand }
 * output-line = "output" NAME                  any input or instruction value
 * operand     = NAME | LITERAL [ ":" TYPE ]
 * TYPE        = "f" | "i32" | "int"
 * </pre>
 *
 * <p>One item per line; {@code #} starts a comment to the end of the line; blank lines are ignored;
 * {@code :} and {@code =} need no spaces around them. Names follow {@link
 * numevo.dsl.program.Checker#isIdentifier}.
 *
 * <p>Literals: a <em>float-looking</em> literal (with a point, an exponent, a hex {@code p}
 * exponent, {@code inf}, {@code -inf} or {@code nan}) is an f, read by {@link
 * numevo.dsl.format.FloatLiterals#parse} and so rounded once to the kernel's format, except that a
 * hex literal ({@code 0x1.8p3}, or {@code 0x18} read as an f) is exact: one the format cannot
 * represent exactly is an error naming the literal and the format. An <em>integer-looking</em>
 * literal (optionally signed decimal digits, or {@code 0x} hex digits without {@code p}) is an f,
 * i32 or int as the op needs: i32 literals are decimal in {@code [-2^31, 2^31-1]} or unsigned hex
 * up to {@code 0xffffffff} (wrapping to negative); int literals are exact. A suffix {@code :f},
 * {@code :i32} or {@code :int} fixes a literal's type.
 *
 * <p>Mnemonics are overloaded ({@code add} on f, i32 and int) and resolved by operand types: a name
 * has its value's type, a literal the types above. Exactly one fitting overload is chosen; none is
 * a type or arity error reported by the model's checker; several is an "ambiguous" error asking for
 * a typed literal.
 */
package numevo.dsl.text;
