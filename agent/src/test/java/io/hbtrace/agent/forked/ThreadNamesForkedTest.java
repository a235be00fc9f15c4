package io.hbtrace.agent.forked;

import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.agent.testing.ForkedJvm;
import io.hbtrace.agent.testing.ForkedJvm.Jdk;
import io.hbtrace.agent.testing.ForkedJvm.Result;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The program's threads get the default names they get without the agent: its start-up (which makes
 * an unnamed thread of Chronicle's) does not shift the JVM's numbering.
 */
class ThreadNamesForkedTest {
  @TempDir Path tmp;

  static Stream<Jdk> jdks() {
    return ForkedJvm.jdks();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jdks")
  void defaultThreadNamesAreAsWithoutTheAgent(Jdk jdk) throws Exception {
    String main = "io.hbtrace.agenttest.DefaultThreadNames";
    Result plain = ForkedJvm.run(jdk, List.of(), ForkedJvm.testClasses(), main);
    Result recorded =
        ForkedJvm.run(
            jdk,
            List.of(ForkedJvm.javaagent("out=" + tmp.resolve("t"))),
            ForkedJvm.testClasses(),
            main);
    assertThat(recorded.exit()).as(recorded.err()).isZero();
    assertThat(recorded.out()).isEqualTo(plain.out()).isEqualTo("Thread-0 Thread-1\n");
  }
}
