package io.hbtrace.agent.instrument;

import static io.hbtrace.agent.instrument.SyncInstrumentationTest.assertHandoffs;
import static io.hbtrace.agent.instrument.SyncInstrumentationTest.assertPaired;
import static io.hbtrace.traces.event.EventKind.HANDOFF_RECEIVE;
import static io.hbtrace.traces.event.EventKind.HANDOFF_SEND;
import static io.hbtrace.traces.event.EventKind.LOCK_ACQUIRE;
import static io.hbtrace.traces.event.EventKind.LOCK_RELEASE;
import static io.hbtrace.traces.event.EventKind.THREAD_START;
import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.agent.testing.HandoffOrder;
import io.hbtrace.agent.testing.Instrumented;
import io.hbtrace.agent.testing.MemoryTraceOutput.Ev;
import io.hbtrace.agenttest.MethodReferences;
import io.hbtrace.traces.event.Handoff;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * Method references to hooked methods, which the JDK calls from a class of its own, are recorded at
 * the line that makes them, whatever their shape, and do what their methods do.
 */
class MethodReferenceTest {

  @Test
  void boundMethodReferencesToHookedMethodsAreRecordedAtTheirLine() throws Throwable {
    try (Instrumented in = new Instrumented()) {
      assertThat(in.call(MethodReferences.class, "bound")).isEqualTo(1);
      List<Ev> locks = oneLockSection(in);
      assertPaired(locks);
      var site = in.out.site(locks.get(0).site());
      assertThat(site.method()).isEqualTo("bound::lock");
      assertThat(site.line()).isLessThan(in.out.site(locks.get(1).site()).line());
      assertThat(in.out.events(THREAD_START)).hasSize(1);
      List<Ev> latch = in.out.events(HANDOFF_SEND, HANDOFF_RECEIVE);
      assertHandoffs(latch, Handoff.LATCH, 1);
      assertThat(latch)
          .filteredOn(e -> e.kind() == HANDOFF_SEND)
          .allMatch(e -> in.out.threadName(e.thread()).equals("worker"));
    }
  }

  @Test
  void aSerializableMethodReferenceIsLeftAsItIsAndStillDeserializes() throws Throwable {
    try (Instrumented in = new Instrumented()) {
      assertThat(in.call(MethodReferences.class, "serializable")).isEqualTo(1);
      assertThat(in.out.events(LOCK_ACQUIRE)).isEmpty();
    }
  }

  @Test
  void unboundMethodReferencesAreRecorded() throws Throwable {
    try (Instrumented in = new Instrumented()) {
      assertThat(in.call(MethodReferences.class, "unbound")).isEqualTo(1);
      List<Ev> locks = oneLockSection(in);
      assertPaired(locks);
      assertThat(in.out.site(locks.get(0).site()).method()).isEqualTo("unbound::lock");
      assertThat(in.out.site(locks.get(1).site()).method()).isEqualTo("unbound::unlock");
    }
  }

  @Test
  void aReferenceMadeInAnInterfaceIsRecorded() throws Throwable {
    try (Instrumented in = new Instrumented()) {
      assertThat(in.call(MethodReferences.class, "inAnInterface")).isEqualTo(1);
      List<Ev> locks = oneLockSection(in);
      assertThat(in.out.site(locks.get(0).site()).method()).isEqualTo("withLock::lock");
    }
  }

  @Test
  void boundReferencesWhoseReceiverIsDeclaredAsASubtypeAreRecorded() throws Throwable {
    try (Instrumented in = new Instrumented()) {
      assertThat(in.call(MethodReferences.class, "boundToASubtype")).isEqualTo("ran");
      assertThat(in.out.events(HANDOFF_SEND, HANDOFF_RECEIVE))
          .extracting(e -> in.out.site(e.site()).method())
          .contains("boundToASubtype::execute", "boundToASubtype::poll");
      List<Ev> locks = oneLockSection(in);
      assertThat(in.out.site(locks.get(0).site()).method()).isEqualTo("locked::lock");
    }
  }

  @Test
  void methodReferencesTakingArgumentsAreRecorded() throws Throwable {
    try (Instrumented in = new Instrumented()) {
      assertThat(in.call(MethodReferences.class, "withArguments")).isEqualTo(1);
      assertPaired(in.out.events(LOCK_ACQUIRE, LOCK_RELEASE));
      assertThat(in.out.events(LOCK_RELEASE)).hasSize(1);
      assertThat(in.out.events(THREAD_START)).hasSize(1);
      List<Ev> latch = in.out.events(HANDOFF_SEND, HANDOFF_RECEIVE);
      assertHandoffs(latch, Handoff.LATCH, 1);
      assertThat(latch)
          .filteredOn(e -> e.kind() == HANDOFF_RECEIVE)
          .extracting(e -> in.out.site(e.site()).method())
          .containsExactly("withArguments::await");
    }
  }

  @RepeatedTest(3)
  void futuresJoinedThroughAReferenceInAStreamOrderTheirTasksWork() throws Throwable {
    try (Instrumented in = new Instrumented()) {
      assertThat(in.call(MethodReferences.class, "joinedInAStream")).isEqualTo(10);
      HandoffOrder order = new HandoffOrder(in.out.events(HandoffOrder.KINDS));
      assertThat(order.marks()).hasSize(4);
      for (long mark : order.marks()) {
        assertThat(order.ordered(mark)).as("mark %d", mark).isTrue();
      }
    }
  }

  @Test
  void aReferenceWhoseHookIsWidenedGetsItsOwnTypeBack() throws Throwable {
    try (Instrumented in = new Instrumented()) {
      assertThat(in.call(MethodReferences.class, "widened")).isEqualTo(21);
      assertThat(in.out.events(HANDOFF_RECEIVE))
          .extracting(e -> in.out.site(e.site()).method())
          .contains("widened::thenApply");
      assertThat(in.problems()).isEmpty();
    }
  }

  /** The class file of {@code MethodReferences} as the agent transforms it for {@code loader}. */
  private static byte[] transformed(Instrumented in, ClassLoader loader, Class<?> redefined)
      throws Exception {
    String name = MethodReferences.class.getName().replace('.', '/');
    byte[] original;
    try (InputStream s = MethodReferences.class.getResourceAsStream("MethodReferences.class")) {
      original = s.readAllBytes();
    }
    byte[] t =
        in.instrumenter.agentBuilder().makeRaw().transform(loader, name, redefined, null, original);
    assertThat(t).isNotNull();
    return t;
  }

  private static final String BRIDGE = "hbtrace$ref$";

  /** The methods a class file declares (name and descriptor), and what its references call. */
  private record Shape(List<String> methods, List<String> referenced) {
    static Shape of(byte[] classFile) {
      Shape shape = new Shape(new ArrayList<>(), new ArrayList<>());
      HandMadeClass.readCode(
          classFile,
          (name, desc) -> {
            shape.methods.add(name + desc);
            return new MethodVisitor(Opcodes.ASM9) {
              @Override
              public void visitInvokeDynamicInsn(
                  String n, String d, Handle bootstrap, Object... args) {
                if (args.length > 1 && args[1] instanceof Handle impl) {
                  shape.referenced.add(impl.getOwner() + "." + impl.getName());
                }
              }
            };
          });
      return shape;
    }
  }

  /**
   * A class loaded before the agent (retransformed) gains no methods, a reference bound to its
   * receiver and taking no arguments still calls its hook, others are left as they are; a class
   * that gained methods as it was defined gains the same again when it is retransformed: the JVM
   * refuses a retransformation that adds or removes methods.
   */
  @Test
  void retransformedClassesKeepTheMethodsTheyWereDefinedWith() throws Throwable {
    try (Instrumented in = new Instrumented()) {
      Shape before = Shape.of(transformed(in, new ClassLoader() {}, MethodReferences.class));
      ClassLoader definedAfter = new ClassLoader() {};
      Shape defined = Shape.of(transformed(in, definedAfter, null));
      Shape again = Shape.of(transformed(in, definedAfter, MethodReferences.class));
      assertThat(defined.methods).anyMatch(m -> m.startsWith(BRIDGE));
      assertThat(again.methods).isEqualTo(defined.methods);
      assertThat(before.methods)
          .isEqualTo(defined.methods.stream().filter(m -> !m.startsWith(BRIDGE)).toList());
      String join = "java/util/concurrent/CompletableFuture.join";
      assertThat(before.referenced).contains("io/hbtrace/agent/bridge/LockHooks.lock", join);
      assertThat(defined.referenced).doesNotContain(join);
    }
  }

  /** The run's lock events, which must be one acquire and then one release. */
  private static List<Ev> oneLockSection(Instrumented in) {
    List<Ev> locks = in.out.events(LOCK_ACQUIRE, LOCK_RELEASE);
    assertThat(locks).extracting(Ev::kind).containsExactly(LOCK_ACQUIRE, LOCK_RELEASE);
    return locks;
  }
}
