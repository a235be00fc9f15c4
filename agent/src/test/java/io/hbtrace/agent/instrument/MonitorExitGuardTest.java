package io.hbtrace.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import org.junit.jupiter.api.Test;

/**
 * The guard around the exit hook in javac's release handler, on hand-made code: the shapes it
 * matches, the ones it does not (whose guard labels must still be placed), and the frames it
 * builds. Each class is verified by the JVM as it loads.
 */
class MonitorExitGuardTest {
  private static final String NAME = "io/hbtrace/agenttest/Guarded";

  @Test
  void aLocalGoesInAFramesLocalsSlotBySlot() {
    Object[] locals = {"java/lang/Object", Opcodes.LONG, Opcodes.INTEGER};
    assertThat(MonitorInstrumentation.withLocal(locals, 4, "T"))
        .containsExactly("java/lang/Object", Opcodes.LONG, Opcodes.INTEGER, "T");
    assertThat(MonitorInstrumentation.withLocal(locals, 6, "T"))
        .containsExactly(
            "java/lang/Object", Opcodes.LONG, Opcodes.INTEGER, Opcodes.TOP, Opcodes.TOP, "T");
    assertThat(MonitorInstrumentation.withLocal(locals, 0, "T"))
        .containsExactly("T", Opcodes.LONG, Opcodes.INTEGER);
    // over the first or the second half of a long: the other half is lost too
    assertThat(MonitorInstrumentation.withLocal(locals, 1, "T"))
        .containsExactly("java/lang/Object", "T", Opcodes.TOP, Opcodes.INTEGER);
    assertThat(MonitorInstrumentation.withLocal(locals, 2, "T"))
        .containsExactly("java/lang/Object", Opcodes.TOP, "T", Opcodes.INTEGER);
  }

  /** javac's shape after a long argument: the guard's frames carry the long as one entry. */
  @Test
  void javacsShapeAfterALongVerifiesAndRethrows() throws Exception {
    Loaded c = load(mv -> block(mv, 2, 3, 4, false));
    // the guard's handler (drop what the hook threw) just before javac's self-covering entry
    assertThat(c.handlerOps()).containsExactly(Opcodes.ASTORE, Opcodes.POP, Opcodes.ASTORE);
    assertThatThrownBy(() -> c.invoke(7L, new Object())).isInstanceOf(IllegalStateException.class);
  }

  /** A self-covering handler of another shape: left as it is, its guard placed after the code. */
  @Test
  void aHandlerOfAnotherShapeKeepsItsCodeAndVerifies() throws Exception {
    Loaded c = load(mv -> block(mv, 2, 3, 4, true));
    // the guard's handler is the unreachable rethrow after the code
    assertThat(c.handlerOps()).containsExactly(Opcodes.ASTORE, Opcodes.ATHROW, Opcodes.ASTORE);
    assertThatThrownBy(() -> c.invoke(7L, new Object())).isInstanceOf(IllegalStateException.class);
  }

  /**
   * {@code synchronized (o) { throw new IllegalStateException(); }} as javac writes it, with the
   * monitor in local {@code monitor} and the exception in {@code caught}; {@code nop} puts an
   * instruction before the handler's MONITOREXIT that javac never writes.
   */
  private static void block(MethodVisitor mv, int o, int monitor, int caught, boolean nop) {
    Label start = new Label();
    Label end = new Label();
    Label handler = new Label();
    Label handlerEnd = new Label();
    mv.visitTryCatchBlock(start, end, handler, null);
    mv.visitTryCatchBlock(handler, handlerEnd, handler, null);
    mv.visitVarInsn(Opcodes.ALOAD, o);
    mv.visitInsn(Opcodes.DUP);
    mv.visitVarInsn(Opcodes.ASTORE, monitor);
    mv.visitInsn(Opcodes.MONITORENTER);
    mv.visitLabel(start);
    mv.visitTypeInsn(Opcodes.NEW, "java/lang/IllegalStateException");
    mv.visitInsn(Opcodes.DUP);
    mv.visitMethodInsn(
        Opcodes.INVOKESPECIAL, "java/lang/IllegalStateException", "<init>", "()V", false);
    mv.visitInsn(Opcodes.ATHROW);
    mv.visitLabel(end);
    mv.visitLabel(handler);
    mv.visitVarInsn(Opcodes.ASTORE, caught);
    if (nop) {
      mv.visitInsn(Opcodes.NOP);
    }
    mv.visitVarInsn(Opcodes.ALOAD, monitor);
    mv.visitInsn(Opcodes.MONITOREXIT);
    mv.visitLabel(handlerEnd);
    mv.visitVarInsn(Opcodes.ALOAD, caught);
    mv.visitInsn(Opcodes.ATHROW);
  }

  /** An instrumented class's method {@code m}, and the first opcode of each of its handlers. */
  private record Loaded(Method method, List<Integer> handlerOps) {
    void invoke(Object... args) throws Throwable {
      try {
        method.invoke(null, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }

  /**
   * A class with one static method {@code m(long, Object)}, written by {@code code}, instrumented.
   */
  private static Loaded load(Consumer<MethodVisitor> code) throws Exception {
    ClassWriter original = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
    original.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, NAME, null, "java/lang/Object", null);
    MethodVisitor mv =
        original.visitMethod(
            Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "m", "(JLjava/lang/Object;)V", null, null);
    mv.visitCode();
    code.accept(mv);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
    original.visitEnd();

    byte[] bytes =
        HandMadeClass.instrument(
            original.toByteArray(), (v, ctx) -> new MonitorInstrumentation(v, ctx, false, true));
    Class<?> type = HandMadeClass.define(bytes);
    return new Loaded(type.getMethod("m", long.class, Object.class), handlerOps(bytes));
  }

  private static List<Integer> handlerOps(byte[] bytes) {
    List<Label> handlers = new ArrayList<>();
    Map<Label, Integer> first = new HashMap<>();
    HandMadeClass.readCode(
        bytes,
        name ->
            new MethodVisitor(Opcodes.ASM9) {
              private final List<Label> waiting = new ArrayList<>();

              @Override
              public void visitTryCatchBlock(Label start, Label end, Label handler, String t) {
                handlers.add(handler);
              }

              @Override
              public void visitLabel(Label label) {
                waiting.add(label);
              }

              private void op(int opcode) {
                waiting.forEach(l -> first.putIfAbsent(l, opcode));
                waiting.clear();
              }

              @Override
              public void visitInsn(int opcode) {
                op(opcode);
              }

              @Override
              public void visitVarInsn(int opcode, int var) {
                op(opcode);
              }

              @Override
              public void visitTypeInsn(int opcode, String type) {
                op(opcode);
              }

              @Override
              public void visitIntInsn(int opcode, int operand) {
                op(opcode);
              }

              @Override
              public void visitJumpInsn(int opcode, Label label) {
                op(opcode);
              }

              @Override
              public void visitMethodInsn(
                  int opcode, String owner, String n, String d, boolean itf) {
                op(opcode);
              }
            });
    List<Integer> out = new ArrayList<>();
    handlers.forEach(h -> out.add(first.get(h)));
    return out;
  }
}
