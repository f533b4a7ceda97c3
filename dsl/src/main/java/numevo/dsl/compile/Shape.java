package numevo.dsl.compile;

import java.util.List;
import numevo.dsl.format.NumberFormat;
import numevo.dsl.program.Program;
import numevo.dsl.program.Type;

/**
 * The port shapes that get a specialized interface, with the JVM types of their primitive methods.
 */
enum Shape {
  /** No specialization: {@link CompiledKernel} only. */
  GENERIC(CompiledKernel.class, 0, ' '),
  FLOAT32_UNARY(Float32Unary.class, 1, 'F'),
  FLOAT32_BINARY(Float32Binary.class, 2, 'F'),
  DOUBLE_UNARY(DoubleUnary.class, 1, 'D'),
  DOUBLE_BINARY(DoubleBinary.class, 2, 'D'),
  /** A narrow format's unary kernel: the double methods and the same over floats. */
  NARROW_UNARY(NarrowUnary.class, 1, 'D'),
  /** A narrow format's binary kernel: the double methods and the same over floats. */
  NARROW_BINARY(NarrowBinary.class, 2, 'D'),
  I32_BINARY(I32Binary.class, 2, 'I');

  /** The interface the kernel implements. */
  final Class<? extends CompiledKernel> kind;

  /** Number of inputs of the primitive methods. */
  final int arity;

  /** JVM descriptor of the element type: {@code F}, {@code D} or {@code I}. */
  final char element;

  Shape(Class<? extends CompiledKernel> kind, int arity, char element) {
    this.kind = kind;
    this.arity = arity;
    this.element = element;
  }

  /** The most specialized shape of a program. */
  static Shape of(Program p) {
    List<Type> in = p.inputTypes();
    List<Type> out = p.outputTypes();
    NumberFormat f = p.format();
    boolean f32 = f == NumberFormat.FLOAT32;
    boolean f64 = f == NumberFormat.FLOAT64;
    if (out.equals(List.of(Type.F))) {
      if (in.equals(List.of(Type.F))) {
        return f32 ? FLOAT32_UNARY : f64 ? DOUBLE_UNARY : NARROW_UNARY;
      }
      if (in.equals(List.of(Type.F, Type.F))) {
        return f32 ? FLOAT32_BINARY : f64 ? DOUBLE_BINARY : NARROW_BINARY;
      }
    }
    if (out.equals(List.of(Type.I32)) && in.equals(List.of(Type.I32, Type.I32))) {
      return I32_BINARY;
    }
    return GENERIC;
  }

  /**
   * Whether the kernel also has the float methods of {@link NarrowUnary} or {@link NarrowBinary}.
   */
  boolean floatMethods() {
    return this == NARROW_UNARY || this == NARROW_BINARY;
  }

  /** Descriptor of the per-point method over {@code element}s, e.g. {@code (FF)F}. */
  String pointDescriptor(char element) {
    return "(" + String.valueOf(element).repeat(arity) + ")" + element;
  }

  /** Descriptor of the array method over {@code element}s, e.g. {@code ([F[F[FI)V}. */
  String arrayDescriptor(char element) {
    return "(" + ("[" + element).repeat(arity + 1) + "I)V";
  }
}
