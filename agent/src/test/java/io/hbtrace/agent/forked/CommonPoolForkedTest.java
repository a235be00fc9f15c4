package io.hbtrace.agent.forked;

import static io.hbtrace.traces.event.EventKind.HANDOFF_RECEIVE;
import static io.hbtrace.traces.event.EventKind.HANDOFF_SEND;
import static io.hbtrace.traces.event.EventKind.MONITOR_ENTER;
import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.agent.testing.ForkedJvm;
import io.hbtrace.agent.testing.ForkedJvm.Jdk;
import io.hbtrace.agent.testing.ForkedJvm.Result;
import io.hbtrace.agent.testing.ReadTrace;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tasks on the common ForkJoinPool, whose workers have their thread-local values cleared between
 * tasks on newer JDKs (Java 25): the trace still reads back whole, every task's events in it.
 */
class CommonPoolForkedTest {
  private static final String PROGRAM =
      """
      import java.util.concurrent.CompletableFuture;

      public class Common {
        public static void main(String[] args) {
          int sum = 0;
          for (int i = 0; i < 20; i++) {
            int k = i;
            sum += CompletableFuture.supplyAsync(() -> { synchronized (Common.class) { return k; } })
                .join();
          }
          System.out.println(sum);
        }
      }
      """;

  @TempDir Path tmp;

  static Stream<Jdk> jdks() {
    return ForkedJvm.jdks();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jdks")
  void commonPoolTasksReadBackWhole(Jdk jdk) throws Exception {
    Result r = ForkedJvm.recordProgram(jdk, tmp, "Common", PROGRAM);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("190\n");
    ReadTrace t = ReadTrace.read(ForkedJvm.traceOf(tmp));
    assertThat(t.events(MONITOR_ENTER)).hasSize(20);
    assertThat(t.events(HANDOFF_SEND)).hasSizeGreaterThanOrEqualTo(40);
    assertThat(t.events(HANDOFF_RECEIVE)).hasSizeGreaterThanOrEqualTo(40);
  }
}
