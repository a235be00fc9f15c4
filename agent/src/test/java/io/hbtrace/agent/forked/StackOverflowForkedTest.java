package io.hbtrace.agent.forked;

import static io.hbtrace.traces.event.EventKind.MONITOR_ENTER;
import static io.hbtrace.traces.event.EventKind.MONITOR_EXIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.agent.testing.ForkedJvm;
import io.hbtrace.agent.testing.ForkedJvm.Jdk;
import io.hbtrace.agent.testing.ForkedJvm.Result;
import io.hbtrace.agent.testing.ReadTrace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A program that recurses through a {@code synchronized} block until its stack overflows, and
 * catches the error: under the agent it ends as without it (the hooks at the edge of the stack
 * neither spin in javac's release handler nor break the trace writer), and the trace is whole.
 */
class StackOverflowForkedTest {
  @TempDir Path tmp;

  static Stream<Jdk> jdks() {
    return ForkedJvm.jdks();
  }

  /** Runs {@code main} with the agent recording into {@code out}, its class alone included. */
  private Result recorded(Jdk jdk, String main, Path out) throws Exception {
    Path spec = Files.writeString(tmp.resolve("s.spec"), "spec 1\ninclude " + main + "\n");
    return ForkedJvm.run(
        jdk,
        List.of(ForkedJvm.javaagent("out=" + out + ",spec=" + spec)),
        ForkedJvm.testClasses(),
        main);
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void overflowsThroughAMonitorEndAsWithoutTheAgentAndTheTraceIsWhole(Jdk jdk) throws Exception {
    Path out = tmp.resolve("t");
    Result r = recorded(jdk, "io.hbtrace.agenttest.DeepMonitor", out);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("caught 20\n");
    ReadTrace t = ReadTrace.read(out);
    assertThat(t.ended).isTrue();
    assertThat(t.truncated).isFalse();
    long enters = t.events(MONITOR_ENTER).size();
    long exits = t.events(MONITOR_EXIT).size();
    assertThat(enters).isGreaterThan(20 * 1_000);
    // lost at the edge of the stack: the hooks that did not fit, the events the writer dropped
    assertThat(Math.abs(enters - exits)).as("enters %d", enters).isLessThan(enters / 10);
  }

  /**
   * A {@code ReentrantLock} taken and given back at every level of a recursion until the stack
   * overflows, 50 times: a hook that cannot even be called at a full stack loses its event, not the
   * lock. (Before, the lock was left held after every overflow; the hook's frame is one more than
   * the program's call, so in a few of them the JDK's unlock cannot be called either.)
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("jdks")
  void aStackOverflowAroundLockAndUnlockRarelyLeavesTheLockHeld(Jdk jdk) throws Exception {
    Result r = recorded(jdk, "io.hbtrace.agenttest.LockUnderStress", tmp.resolve("t"));
    assertThat(r.exit()).as(r.err()).isZero();
    // the JVM may warn on standard output of an overflow in the JDK's lock code
    Matcher m = Pattern.compile("(?m)^leaked (\\d+)$").matcher(r.out());
    assertThat(m.find()).as(r.out()).isTrue();
    assertThat(Integer.parseInt(m.group(1))).isLessThan(25);
  }
}
