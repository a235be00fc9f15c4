package io.hbtrace.agent.forked;

import static io.hbtrace.traces.event.EventKind.MONITOR_ENTER;
import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.agent.testing.ForkedJvm;
import io.hbtrace.agent.testing.ForkedJvm.Jdk;
import io.hbtrace.agent.testing.ForkedJvm.Result;
import io.hbtrace.agent.testing.ReadTrace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A class whose loader does not delegate the agent's hooks to the boot loader (it delegates only
 * {@code java.*}) is left as it is, said once, and runs as without the agent; the same class from
 * the application's loader is recorded.
 */
class ClassLoadersForkedTest {
  @TempDir Path tmp;

  static Stream<Jdk> jdks() {
    return ForkedJvm.jdks();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jdks")
  void aLoaderThatCannotSeeTheHooksKeepsItsClassesAsTheyAre(Jdk jdk) throws Exception {
    String main = "io.hbtrace.agenttest.loaded.Loaders";
    String classes = ForkedJvm.testClasses();
    Result plain = ForkedJvm.run(jdk, List.of(), classes, main, classes);
    assertThat(plain.exit()).as(plain.err()).isZero();
    Path spec =
        Files.writeString(
            tmp.resolve("s.spec"), "spec 1\ninclude io.hbtrace.agenttest.loaded.Worker\n");
    Path out = tmp.resolve("t");
    Result r =
        ForkedJvm.run(
            jdk,
            List.of(ForkedJvm.javaagent("out=" + out + ",spec=" + spec)),
            classes,
            main,
            classes);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo(plain.out()).isEqualTo("worker ran 1\nworker ran 1\n");
    assertThat(r.agentLines())
        .singleElement()
        .asString()
        .contains("are left unrecorded (first io.hbtrace.agenttest.loaded.Worker)");
    assertThat(ReadTrace.read(out).events(MONITOR_ENTER)).hasSize(1);
  }
}
