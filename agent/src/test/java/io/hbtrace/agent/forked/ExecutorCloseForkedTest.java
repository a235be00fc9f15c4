package io.hbtrace.agent.forked;

import static io.hbtrace.traces.event.EventKind.HANDOFF_RECEIVE;
import static io.hbtrace.traces.event.EventKind.HANDOFF_SEND;
import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.agent.testing.ForkedJvm;
import io.hbtrace.agent.testing.ForkedJvm.Jdk;
import io.hbtrace.agent.testing.ForkedJvm.Result;
import io.hbtrace.agent.testing.MemoryTraceOutput.Ev;
import io.hbtrace.agent.testing.ReadTrace;
import io.hbtrace.traces.event.Handoff;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code ExecutorService.close()} (Java 19+), called on the interface and on a pool's own class,
 * waits for the service to terminate: on the Java 25 JDK it receives what the service's tasks sent
 * at their ends, as {@code awaitTermination} does; and {@code Future.resultNow()} (Java 19+)
 * receives its task's end, as {@code get} does.
 */
class ExecutorCloseForkedTest {
  private static final String PROGRAM =
      """
      import java.util.concurrent.*;

      public class Closing {
        static int x;

        public static void main(String[] args) {
          try (ExecutorService ex = Executors.newFixedThreadPool(2)) {
            ex.submit(() -> { x = 1; });
          }
          try (ThreadPoolExecutor pool = (ThreadPoolExecutor) Executors.newFixedThreadPool(1)) {
            pool.execute(() -> x++);
          }
          System.out.println(x);
          ExecutorService single = Executors.newSingleThreadExecutor();
          Future<Integer> f = single.submit(() -> 42);
          while (f.state() == Future.State.RUNNING) {
            Thread.onSpinWait();
          }
          System.out.println(f.resultNow());
          single.shutdown();
        }
      }
      """;

  @TempDir Path tmp;

  static Stream<Jdk> jdks() {
    return ForkedJvm.java25();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jdks")
  void closeAndResultNowReceiveTheEndsOfTheTasks(Jdk jdk) throws Exception {
    Result r = ForkedJvm.recordProgram(jdk, tmp, "Closing", PROGRAM);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("2\n42\n");
    ReadTrace t = ReadTrace.read(ForkedJvm.traceOf(tmp));
    List<Ev> closes =
        t.events(HANDOFF_RECEIVE).stream()
            .filter(e -> e.f(1) == Handoff.FUTURE && t.threads.get(e.thread()).equals("main"))
            .toList();
    // the two closes, then resultNow
    assertThat(closes).hasSize(3);
    for (Ev c : closes) {
      assertThat(t.events(HANDOFF_SEND))
          .filteredOn(e -> e.f(0) == c.f(0) && e.f(1) == Handoff.FUTURE)
          .as("task ends sent on the service the close received from")
          .isNotEmpty()
          .allMatch(e -> t.threads.get(e.thread()).startsWith("pool-"));
    }
  }
}
