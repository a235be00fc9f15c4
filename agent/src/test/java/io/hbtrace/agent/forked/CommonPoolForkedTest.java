package io.hbtrace.agent.forked;

import static io.hbtrace.traces.event.EventKind.HANDOFF_RECEIVE;
import static io.hbtrace.traces.event.EventKind.HANDOFF_SEND;
import static io.hbtrace.traces.event.EventKind.MONITOR_ENTER;
import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.agent.testing.ForkedJvm;
import io.hbtrace.agent.testing.ForkedJvm.Jdk;
import io.hbtrace.agent.testing.ForkedJvm.Result;
import io.hbtrace.agent.testing.ReadTrace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
    Path src = Files.writeString(tmp.resolve("Common.java"), PROGRAM);
    Path classes = Files.createDirectories(tmp.resolve("classes"));
    Process javac =
        new ProcessBuilder(
                jdk.home().resolve("bin/javac").toString(),
                "-d",
                classes.toString(),
                src.toString())
            .inheritIO()
            .start();
    assertThat(javac.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(javac.exitValue()).isZero();
    Path spec = Files.writeString(tmp.resolve("s.spec"), "spec 1\ninclude Common\n");
    Path out = tmp.resolve("t");
    Result r =
        ForkedJvm.run(
            jdk,
            List.of(ForkedJvm.javaagent("out=" + out + ",spec=" + spec)),
            classes.toString(),
            "Common");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("190\n");
    ReadTrace t = ReadTrace.read(out);
    assertThat(t.events(MONITOR_ENTER)).hasSize(20);
    assertThat(t.events(HANDOFF_SEND)).hasSizeGreaterThanOrEqualTo(40);
    assertThat(t.events(HANDOFF_RECEIVE)).hasSizeGreaterThanOrEqualTo(40);
  }
}
