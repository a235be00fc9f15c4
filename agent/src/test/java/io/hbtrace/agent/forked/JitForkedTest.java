package io.hbtrace.agent.forked;

import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.agent.testing.ForkedJvm;
import io.hbtrace.agent.testing.ForkedJvm.Jdk;
import io.hbtrace.agent.testing.ForkedJvm.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How the JIT treats instrumented code. Regression: a hook call between MONITORENTER and the start
 * of javac's protected range made C2 refuse the whole method ("cannot parse method"), leaving it
 * interpreted; the optimizing compiler must compile an instrumented synchronized block. And the
 * hooks stay out of line: the agent marks them {@code DontInline} as it defines them.
 */
class JitForkedTest {
  @TempDir Path tmp;

  static Stream<Jdk> jdks() {
    return ForkedJvm.jdks();
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void instrumentedSynchronizedBlockIsCompiledByC2(Jdk jdk) throws Exception {
    List<String> bump = hotMonitorOutput(jdk, "-XX:+PrintCompilation", "HotMonitor::bump");
    assertThat(bump).isNotEmpty().noneMatch(l -> l.contains("COMPILE SKIPPED"));
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void hooksAreCalledNotInlined(Jdk jdk) throws Exception {
    List<String> hooks =
        hotMonitorOutput(jdk, "-XX:+PrintInlining", "bridge.MonitorHooks::monitor");
    assertThat(hooks).anyMatch(l -> l.contains("don't inline by annotation"));
    assertThat(hooks).noneMatch(l -> l.matches(".*Hooks::\\w+ \\(\\d+ bytes\\)\\s+inline.*"));
  }

  /**
   * Runs {@code HotMonitor} with the agent, C2 only and the diagnostic {@code flag}; returns the
   * output lines that contain {@code about}.
   */
  private List<String> hotMonitorOutput(Jdk jdk, String flag, String about) throws Exception {
    Path spec =
        Files.writeString(tmp.resolve("s.spec"), "spec 1\ninclude io.hbtrace.agenttest.Hot\n");
    Result r =
        ForkedJvm.run(
            jdk,
            List.of(
                "-XX:-TieredCompilation",
                "-XX:+UnlockDiagnosticVMOptions",
                flag,
                ForkedJvm.javaagent("out=" + tmp.resolve("t") + ",spec=" + spec + ",format=none")),
            ForkedJvm.testClasses(),
            "io.hbtrace.agenttest.HotMonitor");
    assertThat(r.exit()).as(r.err()).isZero();
    return r.out().lines().filter(l -> l.contains(about)).toList();
  }
}
