package io.hbtrace.agent.forked;

import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.agent.testing.ForkedJvm;
import io.hbtrace.agent.testing.ForkedJvm.Jdk;
import io.hbtrace.agent.testing.ForkedJvm.Result;
import io.hbtrace.agent.testing.HandoffOrder;
import io.hbtrace.agent.testing.ReadTrace;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An object put into a ConcurrentHashMap by one thread and read back by another through a read-only
 * view of the map, recorded with the real agent and no JVM flags: the agent opens what it needs to
 * find the map behind the view, so the read is ordered after the put (the only other wait between
 * them is a spin on a volatile the recorder does not see).
 */
class ReadOnlyViewsForkedTest {
  private static final String PROGRAM =
      """
      import java.util.*;
      import java.util.concurrent.*;

      public class Views {
        static volatile boolean placed;
        static int entered;

        static Object mark(Object o) { synchronized (o) { entered++; } return o; }

        public static void main(String[] args) throws Exception {
          Map<String, Object> m = new ConcurrentHashMap<>();
          Map<String, Object> view = Collections.unmodifiableMap(m);
          Thread t = new Thread(() -> { m.put("a", mark(new StringBuilder("a"))); placed = true; });
          t.start();
          while (!placed) Thread.onSpinWait();
          Object got = mark(view.get("a"));
          t.join();
          System.out.println(got + " entered=" + entered);
        }
      }
      """;

  @TempDir Path tmp;

  static Stream<Jdk> jdks() {
    return ForkedJvm.jdks();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jdks")
  void whatIsReadThroughAViewIsOrderedAfterThePut(Jdk jdk) throws Exception {
    Result r = ForkedJvm.recordProgram(jdk, tmp, "Views", PROGRAM);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("a entered=2\n");
    ReadTrace t = ReadTrace.read(ForkedJvm.traceOf(tmp));
    HandoffOrder order = new HandoffOrder(t.events(HandoffOrder.KINDS));
    assertThat(order.marks()).hasSize(1);
    assertThat(order.ordered(order.marks().get(0))).isTrue();
  }
}
