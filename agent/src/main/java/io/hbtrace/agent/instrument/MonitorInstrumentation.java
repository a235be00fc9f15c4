package io.hbtrace.agent.instrument;

import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * {@code synchronized} blocks: MONITORENTER is followed by {@code Hooks.monitorEnter(monitor,
 * site)}, MONITOREXIT (on every path, including the compiler's exception handler) is preceded by
 * {@code Hooks.monitorExit(monitor, site)}. The monitor is duplicated on the operand stack; nothing
 * else changes.
 */
final class MonitorInstrumentation extends CallRedirect.LineTracking {

  MonitorInstrumentation(MethodVisitor mv, MethodContext ctx) {
    super(mv, ctx);
  }

  @Override
  public void visitInsn(int opcode) {
    if (opcode == Opcodes.MONITORENTER) {
      super.visitInsn(Opcodes.DUP);
      super.visitInsn(Opcodes.MONITORENTER);
      pushInt(site());
      super.visitMethodInsn(
          Opcodes.INVOKESTATIC,
          CallRedirect.HOOKS,
          "monitorEnter",
          "(Ljava/lang/Object;I)V",
          false);
    } else if (opcode == Opcodes.MONITOREXIT) {
      super.visitInsn(Opcodes.DUP);
      pushInt(site());
      super.visitMethodInsn(
          Opcodes.INVOKESTATIC, CallRedirect.HOOKS, "monitorExit", "(Ljava/lang/Object;I)V", false);
      super.visitInsn(Opcodes.MONITOREXIT);
    } else {
      super.visitInsn(opcode);
    }
  }
}
