/**
 * Evaluators of kernel programs: the reference scalar {@link numevo.dsl.eval.Interpreter} (the
 * semantics) and the {@link numevo.dsl.eval.ColumnarEvaluator} (one program over many points,
 * primitive columns, no allocation per point), which agree bit for bit.
 */
package numevo.dsl.eval;
