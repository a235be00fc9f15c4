package io.hbtrace.agent.instrument;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
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
 *
 * <p>javac releases the monitor on an exception in a handler whose range covers its own MONITOREXIT
 * (for asynchronous exceptions), so it covers the exit hook placed there too: a hook that cannot
 * even be called (a {@code StackOverflowError} at the block's end, the stack nearly full) would
 * send the thread back into the handler forever. So in that handler the hook gets a catch-all of
 * its own, placed in the exception table before javac's entry: an exit that cannot be recorded is
 * lost, and the monitor is released and the exception thrown on as without the agent. This needs
 * stack-map frames at the new code, built from the handler's frame ({@link CodeVisitorWrapper} has
 * the reader expand them).
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

  /** javac's self-covering release handlers (by handler label), each with its hook's guard. */
  private final Map<Label, ExitGuard> guards = new LinkedHashMap<>();

  /** Whether the class file needs stack-map frames (version 51 and later), so guards can go in. */
  private final boolean framesRequired;

  /** The handler whose shape ({@code astore x; aload m; monitorexit}) is being matched, or null. */
  private ExitGuard matching;

  private Shape shape = Shape.NONE;
  private Object[] handlerLocals;
  private Object caughtType;
  private int caughtLocal;
  private int monitorLocal;

  private enum Shape {
    NONE,
    AT_HANDLER,
    STORED,
    LOADED
  }

  /** The try-catch entry that guards one exit hook: its range and its handler. */
  private static final class ExitGuard {
    final Label start = new Label();
    final Label end = new Label();
    final Label handler = new Label();
    boolean placed;
  }

  /** Whether MONITORENTER is preceded by {@code MonitorHooks.entering} (scheduled runs). */
  private final boolean gateEntries;

  MonitorInstrumentation(
      MethodVisitor mv, MethodContext ctx, boolean gateEntries, boolean framesRequired) {
    super(mv, ctx);
    this.gateEntries = gateEntries;
    this.framesRequired = framesRequired;
  }

  @Override
  public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
    tryStarts.add(start);
    if (framesRequired && type == null && start == handler && !guards.containsKey(handler)) {
      ExitGuard g = new ExitGuard();
      guards.put(handler, g);
      super.visitTryCatchBlock(g.start, g.end, g.handler, null);
    }
    super.visitTryCatchBlock(start, end, handler, type);
  }

  @Override
  public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
    if (shape == Shape.AT_HANDLER && type == Opcodes.F_NEW && numStack == 1) {
      handlerLocals = java.util.Arrays.copyOf(local, numLocal);
      caughtType = stack[0];
    } else {
      endShape();
    }
    super.visitFrame(type, numLocal, local, numStack, stack);
  }

  /** Gives up matching a handler's shape, passing on the load it held back. */
  private void endShape() {
    if (shape == Shape.LOADED) {
      super.visitVarInsn(Opcodes.ALOAD, monitorLocal);
    }
    clearShape();
  }

  private void clearShape() {
    shape = Shape.NONE;
    matching = null;
    handlerLocals = null;
  }

  /**
   * The release in javac's handler, with its hook guarded: {@code try { hook(m) } catch (any) {}},
   * then the held-back {@code aload m} and the MONITOREXIT.
   */
  private void guardedExit(ExitGuard g) {
    Object[] locals = withLocal(handlerLocals, caughtLocal, caughtType);
    Label release = new Label();
    super.visitLabel(g.start);
    super.visitVarInsn(Opcodes.ALOAD, monitorLocal);
    pushInt(site());
    super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "monitorExit", DESC, false);
    super.visitLabel(g.end);
    super.visitJumpInsn(Opcodes.GOTO, release);
    super.visitLabel(g.handler);
    super.visitFrame(Opcodes.F_NEW, locals.length, locals, 1, new Object[] {THROWABLE});
    super.visitInsn(Opcodes.POP);
    super.visitLabel(release);
    super.visitFrame(Opcodes.F_NEW, locals.length, locals, 0, new Object[0]);
    super.visitVarInsn(Opcodes.ALOAD, monitorLocal);
    super.visitInsn(Opcodes.MONITOREXIT);
    g.placed = true;
    clearShape();
  }

  /**
   * A guard whose handler did not have javac's shape still needs its labels placed: an unreachable
   * {@code throw null} after the method's code, with a handler that rethrows.
   */
  private void placeUnused() {
    for (ExitGuard g : guards.values()) {
      if (g.placed) {
        continue;
      }
      super.visitLabel(g.start);
      super.visitFrame(Opcodes.F_NEW, 0, new Object[0], 0, new Object[0]);
      super.visitInsn(Opcodes.ACONST_NULL);
      super.visitLabel(g.end);
      super.visitInsn(Opcodes.ATHROW);
      super.visitLabel(g.handler);
      super.visitFrame(Opcodes.F_NEW, 0, new Object[0], 1, new Object[] {THROWABLE});
      super.visitInsn(Opcodes.ATHROW);
      g.placed = true;
    }
  }

  private static final String THROWABLE = "java/lang/Throwable";

  /** The second slot of a long or double in a per-slot list of frame types. */
  private static final Object SECOND_HALF = new Object();

  /**
   * A frame's locals (one entry per long or double) after a value of {@code type} went in {@code
   * slot}.
   */
  static Object[] withLocal(Object[] locals, int slot, Object type) {
    List<Object> slots = new ArrayList<>();
    for (Object t : locals) {
      slots.add(t);
      if (t == Opcodes.LONG || t == Opcodes.DOUBLE) {
        slots.add(SECOND_HALF);
      }
    }
    while (slots.size() <= slot) {
      slots.add(Opcodes.TOP);
    }
    Object old = slots.get(slot);
    if (old == Opcodes.LONG || old == Opcodes.DOUBLE) {
      slots.set(slot + 1, Opcodes.TOP);
    } else if (old == SECOND_HALF) {
      slots.set(slot - 1, Opcodes.TOP);
    }
    slots.set(slot, type);
    slots.removeIf(t -> t == SECOND_HALF);
    return slots.toArray();
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
    endShape();
    super.visitLabel(label);
    ExitGuard g = guards.get(label);
    if (g != null && !g.placed) {
      matching = g;
      shape = Shape.AT_HANDLER;
    }
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
    if (shape == Shape.LOADED && opcode == Opcodes.MONITOREXIT) {
      guardedExit(matching);
      seen(opcode);
      return;
    }
    endShape();
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
    if (shape == Shape.AT_HANDLER && handlerLocals != null && opcode == Opcodes.ASTORE) {
      shape = Shape.STORED;
      caughtLocal = var;
    } else if (shape == Shape.STORED && opcode == Opcodes.ALOAD) {
      shape = Shape.LOADED; // held back: the guarded exit loads it again after the hook
      monitorLocal = var;
      lastStoredLocal = var;
      seen(opcode);
      return;
    } else {
      endShape();
    }
    super.visitVarInsn(opcode, var);
    lastStoredLocal = var;
    seen(opcode);
  }

  // every other instruction ends a pending enter (the hook then goes right there) and the shape

  @Override
  public void visitIntInsn(int opcode, int operand) {
    endShape();
    flushPending();
    super.visitIntInsn(opcode, operand);
    seen(opcode);
  }

  @Override
  public void visitTypeInsn(int opcode, String type) {
    endShape();
    flushPending();
    super.visitTypeInsn(opcode, type);
    seen(opcode);
  }

  @Override
  public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
    endShape();
    flushPending();
    super.visitFieldInsn(opcode, owner, name, descriptor);
    seen(opcode);
  }

  @Override
  public void visitMethodInsn(
      int opcode, String owner, String name, String descriptor, boolean isInterface) {
    endShape();
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
    endShape();
    flushPending();
    super.visitInvokeDynamicInsn(name, descriptor, bootstrapMethodHandle, bootstrapMethodArguments);
    seen(Opcodes.INVOKEDYNAMIC);
  }

  @Override
  public void visitJumpInsn(int opcode, Label label) {
    endShape();
    flushPending();
    super.visitJumpInsn(opcode, target(label));
    seen(opcode);
  }

  @Override
  public void visitLdcInsn(Object value) {
    endShape();
    flushPending();
    super.visitLdcInsn(value);
    seen(Opcodes.LDC);
  }

  @Override
  public void visitIincInsn(int var, int increment) {
    endShape();
    flushPending();
    super.visitIincInsn(var, increment);
    seen(Opcodes.IINC);
  }

  @Override
  public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
    endShape();
    flushPending();
    super.visitTableSwitchInsn(min, max, target(dflt), targets(labels));
    seen(Opcodes.TABLESWITCH);
  }

  @Override
  public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
    endShape();
    flushPending();
    super.visitLookupSwitchInsn(target(dflt), keys, targets(labels));
    seen(Opcodes.LOOKUPSWITCH);
  }

  @Override
  public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
    endShape();
    flushPending();
    super.visitMultiANewArrayInsn(descriptor, numDimensions);
    seen(Opcodes.MULTIANEWARRAY);
  }

  @Override
  public void visitMaxs(int maxStack, int maxLocals) {
    endShape();
    flushPending();
    placeUnused();
    super.visitMaxs(maxStack, maxLocals);
  }
}
