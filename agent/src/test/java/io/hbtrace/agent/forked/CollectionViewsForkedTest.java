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
 * view of the map, and one added to a synchronized list and iterated under the list's lock,
 * recorded with the real agent and no JVM flags: the agent opens what it needs to find the map
 * behind the view and the list's lock, so each read is ordered after its placing (the only other
 * wait between them is a spin on a volatile the recorder does not see).
 */
class CollectionViewsForkedTest {
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
          List<Object> sync = Collections.synchronizedList(new ArrayList<>());
          Thread t = new Thread(() -> {
            m.put("a", mark(new StringBuilder("a")));
            sync.add(mark(new StringBuilder("b")));
            placed = true;
          });
          t.start();
          while (!placed) Thread.onSpinWait();
          Object got = mark(view.get("a"));
          synchronized (sync) {
            for (Object o : sync) got = got + " " + mark(o);
          }
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
  void whatIsReadThroughAViewIsOrderedAfterItWasPlaced(Jdk jdk) throws Exception {
    Result r = ForkedJvm.recordProgram(jdk, tmp, "Views", PROGRAM);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("a b entered=4\n");
    ReadTrace t = ReadTrace.read(ForkedJvm.traceOf(tmp));
    HandoffOrder order = new HandoffOrder(t.events(HandoffOrder.KINDS));
    assertThat(order.marks()).hasSize(2);
    for (long mark : order.marks()) {
      assertThat(order.ordered(mark)).as("mark %d", mark).isTrue();
    }
  }
}
