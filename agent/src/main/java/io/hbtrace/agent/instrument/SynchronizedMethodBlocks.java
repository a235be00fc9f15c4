package io.hbtrace.agent.instrument;

import java.util.Map;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.field.FieldList;
import net.bytebuddy.description.method.MethodList;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;
import net.bytebuddy.pool.TypePool;

/**
 * In a scheduled run (replay, exploration), a {@code synchronized} method becomes a method whose
 * whole body is a synchronized block on the same monitor ({@code this}, or the class of a static
 * method), so that it too is entered in its turn: the JVM takes a synchronized method's monitor
 * before the method's first instruction, where no hook can wait for the turn first, and two threads
 * racing for it could take it in the other order than recorded.
 *
 * <p>The rewritten method asks for its turn ({@code MonitorHooks.entering}), takes the monitor,
 * records the enter inside the protected range, and before every return records the exit and
 * releases the monitor; a catch-all handler, last in the exception table, records the exit,
 * releases the monitor and throws the exception on (if the stack is too full even to call the exit
 * hook, the monitor is still released). The monitor is reloaded from local 0 or the class constant,
 * so an instance method that stores into local 0 keeps its modifier (and its monitor is recorded by
 * advice, as in a recording).
 *
 * <p>Only for a class being defined: a class already loaded cannot change its methods' modifiers.
 * Reflection then reports such a method as not {@code synchronized}.
 */
final class SynchronizedMethodBlocks extends AsmVisitorWrapper.AbstractBase {
  private static final String HOOKS = CallRedirect.MONITOR_HOOKS;
  private static final String DESC = "(Ljava/lang/Object;I)V";
  private static final String THROWABLE = "java/lang/Throwable";

  /** Site ids by method ({@code name + descriptor}). */
  private final Map<String, Integer> sites;

  SynchronizedMethodBlocks(Map<String, Integer> sites) {
    this.sites = sites;
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
      private String owner;
      private boolean frames;

      @Override
      public void visit(
          int version,
          int access,
          String name,
          String signature,
          String superName,
          String[] interfaces) {
        owner = name;
        frames = (version & 0xFFFF) >= Opcodes.V1_6;
        super.visit(version, access, name, signature, superName, interfaces);
      }

      @Override
      public MethodVisitor visitMethod(
          int access, String name, String desc, String signature, String[] exceptions) {
        Integer site = sites.get(name + desc);
        if (site == null || (access & Opcodes.ACC_SYNCHRONIZED) == 0) {
          return super.visitMethod(access, name, desc, signature, exceptions);
        }
        MethodVisitor mv =
            super.visitMethod(
                access & ~Opcodes.ACC_SYNCHRONIZED, name, desc, signature, exceptions);
        return mv == null
            ? null
            : new Body(mv, owner, (access & Opcodes.ACC_STATIC) != 0, site, frames);
      }
    };
  }

  /** The code of one rewritten method. */
  private static final class Body extends MethodVisitor {
    private final String owner;
    private final boolean isStatic;
    private final int site;
    private final boolean frames;
    private final Label start = new Label();

    Body(MethodVisitor mv, String owner, boolean isStatic, int site, boolean frames) {
      super(Opcodes.ASM9, mv);
      this.owner = owner;
      this.isStatic = isStatic;
      this.site = site;
      this.frames = frames;
    }

    private void monitor() {
      if (isStatic) {
        super.visitLdcInsn(Type.getObjectType(owner));
      } else {
        super.visitVarInsn(Opcodes.ALOAD, 0);
      }
    }

    private void hook(String name) {
      monitor();
      super.visitLdcInsn(site);
      super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, name, DESC, false);
    }

    private void release() {
      hook("monitorExit");
      monitor();
      super.visitInsn(Opcodes.MONITOREXIT);
    }

    @Override
    public void visitCode() {
      super.visitCode();
      hook("entering");
      monitor();
      super.visitInsn(Opcodes.MONITORENTER);
      super.visitLabel(start);
      hook("monitorEnter");
    }

    @Override
    public void visitInsn(int opcode) {
      if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
        release();
      }
      super.visitInsn(opcode);
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
      Label end = new Label();
      Label handler = new Label();
      Label guardStart = new Label();
      Label guardEnd = new Label();
      Label guard = new Label();
      super.visitLabel(end);
      super.visitTryCatchBlock(start, end, handler, null); // last: outside every handler of its own
      super.visitTryCatchBlock(guardStart, guardEnd, guard, null);
      Object[] self = isStatic ? new Object[0] : new Object[] {owner};
      Object[] withCaught = isStatic ? new Object[] {THROWABLE} : new Object[] {owner, THROWABLE};
      int caught = isStatic ? 0 : 1;
      // handler: keep the exception, record the exit, release, throw the exception on
      super.visitLabel(handler);
      frame(self, THROWABLE);
      super.visitVarInsn(Opcodes.ASTORE, caught);
      super.visitLabel(guardStart);
      hook("monitorExit");
      super.visitLabel(guardEnd);
      monitor();
      super.visitInsn(Opcodes.MONITOREXIT);
      super.visitVarInsn(Opcodes.ALOAD, caught);
      super.visitInsn(Opcodes.ATHROW);
      // the exit hook could not even be called (the stack is full): release all the same
      super.visitLabel(guard);
      frame(withCaught, THROWABLE);
      super.visitInsn(Opcodes.POP);
      monitor();
      super.visitInsn(Opcodes.MONITOREXIT);
      super.visitVarInsn(Opcodes.ALOAD, caught);
      super.visitInsn(Opcodes.ATHROW);
      super.visitMaxs(maxStack, maxLocals);
    }

    private void frame(Object[] locals, String onStack) {
      if (frames) {
        super.visitFrame(Opcodes.F_NEW, locals.length, locals, 1, new Object[] {onStack});
      }
    }
  }
}
