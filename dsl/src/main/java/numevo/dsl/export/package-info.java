/**
 * Export of kernels for use outside numevo: {@link numevo.dsl.export.JavaExporter} writes a
 * self-contained Java class, {@link numevo.dsl.export.CExporter} a C99 translation unit. Both
 * compute what the reference {@link numevo.dsl.eval.Interpreter} computes, bit for bit (every NaN
 * counting as one value), the narrow formats' rounding included in the exported code; neither needs
 * numevo at run time.
 *
 * <p>Each exporter is one pass over the program: a switch over {@link numevo.dsl.program.Op} gives
 * an expression per instruction, a switch over {@link numevo.dsl.program.Operand} the text of each
 * operand. Helpers (rounding to a narrow format, codes, Java's conversion and min/max semantics in
 * C) are emitted only when an instruction needs them.
 */
package numevo.dsl.export;
