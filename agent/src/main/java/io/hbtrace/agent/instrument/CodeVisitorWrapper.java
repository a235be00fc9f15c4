package io.hbtrace.agent.instrument;

import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.field.FieldList;
import net.bytebuddy.description.method.MethodList;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.pool.TypePool;

/**
 * Applies method visitors to the code of every method of a class, synthetic ones included (lambda
 * bodies are synthetic methods, and Byte Buddy's {@code ForDeclaredMethods} skips them). Asks for
 * {@code COMPUTE_MAXS}: the rewritten code may need a deeper operand stack; and for expanded
 * stack-map frames, so that a visitor that adds code needing a frame can build it from the full
 * frame before it. Writes the methods the visitors asked to add ({@link ReferenceBridges}) after
 * the class's own.
 */
final class CodeVisitorWrapper extends AsmVisitorWrapper.AbstractBase {

  /** Makes the visitor for one method's code. */
  interface Factory {
    MethodVisitor wrap(
        TypePool pool, int classVersion, int access, String methodName, MethodVisitor mv);
  }

  private final Factory factory;

  /** The methods the visitors add to the class, written after its own; null: none. */
  private final ReferenceBridges bridges;

  CodeVisitorWrapper(Factory factory, ReferenceBridges bridges) {
    this.factory = factory;
    this.bridges = bridges;
  }

  @Override
  public int mergeWriter(int flags) {
    return flags | ClassWriter.COMPUTE_MAXS;
  }

  @Override
  public int mergeReader(int flags) {
    return flags | ClassReader.EXPAND_FRAMES;
  }

  @Override
  public ClassVisitor wrap(
      TypeDescription instrumentedType,
      ClassVisitor classVisitor,
      Implementation.Context implementationContext,
      TypePool typePool,
      FieldList<FieldDescription.InDefinedShape> fields,
      MethodList<?> methods,
      int writerFlags,
      int readerFlags) {
    return new ClassVisitor(Opcodes.ASM9, classVisitor) {
      private int version;

      @Override
      public void visit(
          int version,
          int access,
          String name,
          String signature,
          String superName,
          String[] interfaces) {
        this.version = version & 0xFFFF; // the major version; the minor is in the high half
        super.visit(version, access, name, signature, superName, interfaces);
      }

      @Override
      public MethodVisitor visitMethod(
          int access, String name, String desc, String signature, String[] exceptions) {
        MethodVisitor mv = super.visitMethod(access, name, desc, signature, exceptions);
        if (mv == null || (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
          return mv;
        }
        return factory.wrap(typePool, version, access, name, mv);
      }

      @Override
      public void visitEnd() {
        if (bridges != null) {
          bridges.emit(cv);
        }
        super.visitEnd();
      }
    };
  }
}
