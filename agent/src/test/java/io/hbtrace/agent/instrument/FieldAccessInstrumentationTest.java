package io.hbtrace.agent.instrument;

import static io.hbtrace.traces.event.EventKind.VOLATILE_READ;
import static io.hbtrace.traces.event.EventKind.VOLATILE_WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.agent.record.Problems;
import io.hbtrace.agent.testing.Instrumented;
import io.hbtrace.agent.testing.MemoryTraceOutput.Ev;
import io.hbtrace.agenttest.FieldPrograms;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import org.junit.jupiter.api.Test;

class FieldAccessInstrumentationTest {
  private static final String C = "io.hbtrace.agenttest.FieldPrograms";

  private static final String SPEC =
      "spec 1\n"
          + "volatile "
          + C
          + ".generation\n"
          + "volatile "
          + C
          + ".current\n"
          + "volatile "
          + C
          + ".ratio\n"
          + "atomic "
          + C
          + ".size\n"
          + "atomic "
          + C
          + ".name\n";

  @Test
  void namedVolatileAndAtomicFieldsOfEveryShape() throws Throwable {
    try (Instrumented in = new Instrumented(SPEC)) {
      assertThat(in.call(FieldPrograms.class, "run")).isEqualTo(3L + 1 + 5 + 15 + 1 + 1);
      List<Ev> ev = in.out.events(VOLATILE_WRITE, VOLATILE_READ);
      List<String> described =
          ev.stream()
              .map(
                  e -> {
                    String f = in.out.string((int) e.f(0));
                    String v =
                        f.endsWith("ratio")
                            ? Double.toString(Double.longBitsToDouble(e.f(2)))
                            : f.endsWith("current") || f.endsWith("name") ? "obj" : "" + e.f(2);
                    return (e.kind() == VOLATILE_WRITE ? "W " : "R ")
                        + f.substring(f.lastIndexOf('.') + 1)
                        + " "
                        + v;
                  })
              .toList();
      assertThat(described)
          .containsExactly(
              "W generation 3",
              "R generation 3",
              "W current obj",
              "R current obj",
              "W ratio 0.5",
              "R ratio 0.5",
              "W size 10",
              "W size 15",
              "R size 10",
              "R size 15",
              "W name obj",
              "R name obj",
              "R name obj");
      // static field: owner 0; instance fields: the owner's identity
      assertThat(ev.get(0).f(1)).isZero();
      assertThat(ev.get(2).f(1)).isPositive().isEqualTo(ev.get(6).f(1));
    }
  }

  /** Updates by a function and compare-and-exchange: a write, then a read of the value replaced. */
  @Test
  void namedAtomicsUpdatedByAFunctionRecordTheirWriteAndRead() throws Throwable {
    try (Instrumented in = new Instrumented(SPEC)) {
      assertThat(in.call(FieldPrograms.class, "updates")).isEqualTo(36L);
      List<String> described =
          in.out.events(VOLATILE_WRITE, VOLATILE_READ).stream()
              .filter(e -> in.out.string((int) e.f(0)).endsWith("size"))
              .map(e -> (e.kind() == VOLATILE_WRITE ? "W " : "R ") + e.f(2))
              .toList();
      assertThat(described)
          .containsExactly("W 1", "W 11", "R 1", "W 33", "R 11", "W 34", "R 33", "R 34");
      assertThat(in.out.events(VOLATILE_WRITE))
          .filteredOn(e -> in.out.string((int) e.f(0)).endsWith("name"))
          .hasSize(1);
    }
  }

  /**
   * What a replay relies on: a read of a primitive named field, an atomic's {@code get} and the old
   * value of an atomic update reach the program as the output gives them back (here 3 becomes 7 and
   * 15 becomes 20; references and compare-and-set are never replaced), and are recorded so.
   */
  @Test
  void aReadGivesTheProgramTheValueTheOutputGivesBack() throws Throwable {
    try (Instrumented in = new Instrumented(SPEC)) {
      in.out.readValues = v -> v == 3 ? 7 : v == 15 ? 20 : v;
      // g = 7 (was 3), s = 20 (was 15); the rest as before: 1 + 5 + 1 + 1
      assertThat(in.call(FieldPrograms.class, "run")).isEqualTo(7L + 1 + 5 + 20 + 1 + 1);
      List<Long> reads =
          in.out.events(VOLATILE_READ).stream()
              .filter(e -> !in.out.string((int) e.f(0)).endsWith("current"))
              .filter(e -> !in.out.string((int) e.f(0)).endsWith("name"))
              .map(e -> e.f(2))
              .toList();
      assertThat(reads)
          .as("generation, ratio, size's old value in addAndGet, size.get()")
          .containsExactly(7L, Double.doubleToRawLongBits(0.5), 10L, 20L);
    }
  }

  /** A spec that names a primitive field {@code atomic}: one warning, and the program runs. */
  @Test
  void anAtomicLineOnAPrimitiveFieldIsWarnedAboutAndLeftAlone() throws Throwable {
    try (Instrumented in = new Instrumented("spec 1\natomic " + C + ".generation\n")) {
      assertThat(in.call(FieldPrograms.class, "run")).isEqualTo(3L + 1 + 5 + 15 + 1 + 1);
      assertThat(in.out.events(VOLATILE_WRITE, VOLATILE_READ)).isEmpty();
      assertThat(in.problems())
          .contains("spec: atomic " + C + ".generation is a int, not an atomic object");
    }
  }

  /**
   * A constructor that assigns a named field before its {@code super()} call (Java 25's flexible
   * constructor bodies; javac 17 cannot write it, so it is made by hand): the object is not
   * initialized there and cannot go to a hook, so that write is left as it is; the read after
   * construction is instrumented, and so is a read of another object's field before super(). The
   * class must verify.
   */
  @Test
  void aWriteBeforeSuperIsLeftAsItIs() throws Throwable {
    String name = "io/hbtrace/agenttest/EarlyField";
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
    cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, name, null, "java/lang/Object", null);
    cw.visitField(Opcodes.ACC_VOLATILE, "id", "J", null, null).visitEnd();
    MethodVisitor init = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "(J)V", null, null);
    init.visitCode();
    init.visitVarInsn(Opcodes.ALOAD, 0);
    init.visitVarInsn(Opcodes.LLOAD, 1);
    init.visitFieldInsn(Opcodes.PUTFIELD, name, "id", "J"); // this.id = id; before super()
    init.visitVarInsn(Opcodes.ALOAD, 0);
    init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
    init.visitInsn(Opcodes.RETURN);
    init.visitMaxs(0, 0);
    init.visitEnd();
    // EarlyField(EarlyField other) { this.id = other.id; super(); }: the read of other.id is
    // recorded (other is initialized), the write of this.id before super() is not
    MethodVisitor copy =
        cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "(L" + name + ";)V", null, null);
    copy.visitCode();
    copy.visitVarInsn(Opcodes.ALOAD, 0);
    copy.visitVarInsn(Opcodes.ALOAD, 1);
    copy.visitFieldInsn(Opcodes.GETFIELD, name, "id", "J");
    copy.visitFieldInsn(Opcodes.PUTFIELD, name, "id", "J");
    copy.visitVarInsn(Opcodes.ALOAD, 0);
    copy.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
    copy.visitInsn(Opcodes.RETURN);
    copy.visitMaxs(0, 0);
    copy.visitEnd();
    MethodVisitor make =
        cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "make", "(J)J", null, null);
    make.visitCode();
    make.visitTypeInsn(Opcodes.NEW, name);
    make.visitInsn(Opcodes.DUP);
    make.visitVarInsn(Opcodes.LLOAD, 0);
    make.visitMethodInsn(Opcodes.INVOKESPECIAL, name, "<init>", "(J)V", false);
    make.visitVarInsn(Opcodes.ASTORE, 2);
    make.visitTypeInsn(Opcodes.NEW, name);
    make.visitInsn(Opcodes.DUP);
    make.visitVarInsn(Opcodes.ALOAD, 2);
    make.visitMethodInsn(Opcodes.INVOKESPECIAL, name, "<init>", "(L" + name + ";)V", false);
    make.visitFieldInsn(Opcodes.GETFIELD, name, "id", "J");
    make.visitInsn(Opcodes.LRETURN);
    make.visitMaxs(0, 0);
    make.visitEnd();
    cw.visitEnd();
    Set<Integer> accessed = new HashSet<>();
    Problems problems = new Problems(false, System.err);
    byte[] bytes =
        HandMadeClass.instrument(
            cw.toByteArray(),
            (v, ctx) ->
                new FieldAccessInstrumentation(
                    v,
                    ctx,
                    Map.of(name + ".id", 1),
                    Map.of(),
                    accessed,
                    new HashSet<>(),
                    problems));
    assertThat(HandMadeClass.hookCalls(bytes, CallRedirect.FIELD_HOOKS))
        .containsEntry("<init>", 1) // other.id in the second constructor
        .containsEntry("make", 1);
    Class<?> type = HandMadeClass.define(bytes);
    assertThat(type.getMethod("make", long.class).invoke(null, 5L)).isEqualTo(5L);
  }
}
