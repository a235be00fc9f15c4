package io.hbtrace.agent.forked;

import static io.hbtrace.traces.event.EventKind.THREAD_JOIN;
import static io.hbtrace.traces.event.EventKind.THREAD_START;
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
 * The thread starts Java 21 added ({@code Thread.ofPlatform().start}, {@code
 * Thread.ofVirtual().start}, {@code Thread.startVirtualThread}) are recorded like {@code
 * Thread.start}, on the Java 25 JDK (the program is compiled there: the tests build for 17).
 */
class ThreadBuildersForkedTest {
  private static final String PROGRAM =
      """
      public class Builders {
        public static void main(String[] args) throws Exception {
          Object lock = new Object();
          Runnable task = () -> { synchronized (lock) { } };
          Thread p = Thread.ofPlatform().name("platform").start(task);
          Thread v = Thread.ofVirtual().name("virtual").start(task);
          Thread u = Thread.startVirtualThread(task);
          p.join();
          v.join();
          u.join();
          System.out.println("joined " + p.getName() + " " + v.getName() + " " + u.isVirtual());
        }
      }
      """;

  @TempDir Path tmp;

  static Stream<Jdk> jdks() {
    return ForkedJvm.java25();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jdks")
  void buildersAndVirtualThreadStartsAreRecorded(Jdk jdk) throws Exception {
    Result r = ForkedJvm.recordProgram(jdk, tmp, "Builders", PROGRAM);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("joined platform virtual true\n");
    ReadTrace t = ReadTrace.read(ForkedJvm.traceOf(tmp));
    assertThat(t.events(THREAD_START)).hasSize(3);
    assertThat(t.events(THREAD_JOIN)).hasSize(3);
  }
}
