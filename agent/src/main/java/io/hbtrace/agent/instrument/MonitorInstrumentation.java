package io.hbtrace.agent.instrument;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * {@code synchronized} blocks: after MONITORENTER, {@code MonitorHooks.monitorEnter(monitor,
 * site)}; before MONITOREXIT (on every path, including the compiler's exception handler), {@code
 * MonitorHooks.monitorExit(monitor, site)}.
 *
 * <p>Where the enter hook goes matters to the JIT: a call between MONITORENTER and the start of the
 * block's protected range could throw with the monitor held and no handler to release it, and C1/C2
 * then refuse to compile the method at all (it runs interpreted, ~10x slower). So for javac's shape
 * ({@code dup; astore N; monitorenter; L: ...} with L starting a try range) the call is placed just
 * after L, reloading the monitor from local N. Other shapes get the call right after MONITORENTER
 * (correct, but the method may stay interpreted).
 *
 * <p>In a scheduled run (replay, exploration) MONITORENTER is also preceded by {@code
 * MonitorHooks.entering(monitor, site)}, so that the block is entered in its turn rather than taken
 * out of turn and then held while its thread waits for the turn of its enter event.
 */
final class MonitorInstrumentation extends CallRedirect.LineTracking {
  private static final String HOOKS = CallRedirect.MONITOR_HOOKS;
  private static final String DESC = "(Ljava/lang/Object;I)V";

  private final Set<Label> tryStarts = new HashSet<>();
  private int lastOpcode = -1;
  private int secondLastOpcode = -1;
  private int lastStoredLocal = -1;

  /** The local holding the monitor whose enter hook waits for the next label, or -1. */
  private int pendingLocal = -1;

  /**
   * Try-range starts after which an enter hook went, each with the label placed after the hook:
   * jumps to the start (a loop's back-edge, when the block's first statement is a loop) go there
   * instead, so that the loop neither runs the hook again nor jumps where no stack-map frame is.
   */
  private final Map<Label, Label> afterHook = new HashMap<>();

  private int pendingSite;

  /** Whether MONITORENTER is preceded by {@code MonitorHooks.entering} (scheduled runs). */
  private final boolean gateEntries;

  MonitorInstrumentation(MethodVisitor mv, MethodContext ctx, boolean gateEntries) {
    super(mv, ctx);
    this.gateEntries = gateEntries;
  }

  @Override
  public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
    tryStarts.add(start);
    super.visitTryCatchBlock(start, end, handler, type);
  }

  private void flushPending() {
    if (pendingLocal >= 0) {
      super.visitVarInsn(Opcodes.ALOAD, pendingLocal);
      pushInt(pendingSite);
      super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "monitorEnter", DESC, false);
      pendingLocal = -1;
    }
  }

  private void seen(int opcode) {
    secondLastOpcode = lastOpcode;
    lastOpcode = opcode;
  }

  @Override
  public void visitLabel(Label label) {
    super.visitLabel(label);
    if (pendingLocal >= 0 && tryStarts.contains(label)) {
      flushPending();
      Label after = new Label();
      super.visitLabel(after); // the label's frame and line, visited next, land here
      afterHook.put(label, after);
    }
  }

  private Label target(Label label) {
    return afterHook.getOrDefault(label, label);
  }

  private Label[] targets(Label[] labels) {
    Label[] out = labels.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] = target(out[i]);
    }
    return out;
  }

  @Override
  public void visitInsn(int opcode) {
    flushPending();
    if (opcode == Opcodes.MONITORENTER) {
      int site = site();
      if (gateEntries) {
        super.visitInsn(Opcodes.DUP);
        pushInt(site);
        super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "entering", DESC, false);
      }
      if (lastOpcode == Opcodes.ASTORE && secondLastOpcode == Opcodes.DUP) {
        super.visitInsn(Opcodes.MONITORENTER);
        pendingLocal = lastStoredLocal;
        pendingSite = site;
      } else {
        super.visitInsn(Opcodes.DUP);
        super.visitInsn(Opcodes.MONITORENTER);
        pushInt(site);
        super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "monitorEnter", DESC, false);
      }
    } else if (opcode == Opcodes.MONITOREXIT) {
      super.visitInsn(Opcodes.DUP);
      pushInt(site());
      super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "monitorExit", DESC, false);
      super.visitInsn(Opcodes.MONITOREXIT);
    } else {
      super.visitInsn(opcode);
    }
    seen(opcode);
  }

  @Override
  public void visitVarInsn(int opcode, int var) {
    flushPending();
    super.visitVarInsn(opcode, var);
    lastStoredLocal = var;
    seen(opcode);
  }

  // every other instruction ends a pending enter (the hook then goes right there) and the shape

  @Override
  public void visitIntInsn(int opcode, int operand) {
    flushPending();
    super.visitIntInsn(opcode, operand);
    seen(opcode);
  }

  @Override
  public void visitTypeInsn(int opcode, String type) {
    flushPending();
    super.visitTypeInsn(opcode, type);
    seen(opcode);
  }

  @Override
  public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
    flushPending();
    super.visitFieldInsn(opcode, owner, name, descriptor);
    seen(opcode);
  }

  @Override
  public void visitMethodInsn(
      int opcode, String owner, String name, String descriptor, boolean isInterface) {
    flushPending();
    super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
    seen(opcode);
  }

  @Override
  public void visitInvokeDynamicInsn(
      String name,
      String descriptor,
      net.bytebuddy.jar.asm.Handle bootstrapMethodHandle,
      Object... bootstrapMethodArguments) {
    flushPending();
    super.visitInvokeDynamicInsn(name, descriptor, bootstrapMethodHandle, bootstrapMethodArguments);
    seen(Opcodes.INVOKEDYNAMIC);
  }

  @Override
  public void visitJumpInsn(int opcode, Label label) {
    flushPending();
    super.visitJumpInsn(opcode, target(label));
    seen(opcode);
  }

  @Override
  public void visitLdcInsn(Object value) {
    flushPending();
    super.visitLdcInsn(value);
    seen(Opcodes.LDC);
  }

  @Override
  public void visitIincInsn(int var, int increment) {
    flushPending();
    super.visitIincInsn(var, increment);
    seen(Opcodes.IINC);
  }

  @Override
  public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
    flushPending();
    super.visitTableSwitchInsn(min, max, target(dflt), targets(labels));
    seen(Opcodes.TABLESWITCH);
  }

  @Override
  public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
    flushPending();
    super.visitLookupSwitchInsn(target(dflt), keys, targets(labels));
    seen(Opcodes.LOOKUPSWITCH);
  }

  @Override
  public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
    flushPending();
    super.visitMultiANewArrayInsn(descriptor, numDimensions);
    seen(Opcodes.MULTIANEWARRAY);
  }

  @Override
  public void visitMaxs(int maxStack, int maxLocals) {
    flushPending();
    super.visitMaxs(maxStack, maxLocals);
  }
}
