package io.hbtrace.agent.forked;

import static io.hbtrace.traces.event.EventKind.LOCK_ACQUIRE;
import static io.hbtrace.traces.event.EventKind.MONITOR_ENTER;
import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.agent.testing.ForkedJvm;
import io.hbtrace.agent.testing.ForkedJvm.Jdk;
import io.hbtrace.agent.testing.ForkedJvm.Result;
import io.hbtrace.agent.testing.ReadTrace;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Dynamic attach through the Attach API to a running JVM records from then on. */
class AttachForkedTest {
  @TempDir Path tmp;

  static Stream<Jdk> jdks() {
    return ForkedJvm.jdks();
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void attachToARunningJvmRecordsFromThenOn(Jdk jdk) throws Exception {
    ReadTrace t =
        attachBetween(jdk, List.of("work"), List.of("work", "work"), List.of("done 2", "done 3"));
    assertThat(t.meta()).containsEntry("agent.attach", "dynamic");
    assertThat(t.start.mainClass()).isEqualTo("io.hbtrace.agenttest.AttachTarget");
    assertThat(t.events(LOCK_ACQUIRE)).hasSize(2);
    assertThat(t.events(MONITOR_ENTER)).hasSize(2);
    RecordForkedTest.assertPaired(t.events);
  }

  /**
   * A lock taken before the attach and given back after it, and a wait on a monitor that a frame
   * running since before the attach holds: no release without its acquire, no re-acquire never
   * released; what new code takes and gives back is recorded.
   */
  @ParameterizedTest
  @MethodSource("jdks")
  void holdsTakenBeforeTheAttachAreLeftOut(Jdk jdk) throws Exception {
    ReadTrace t =
        attachBetween(
            jdk,
            List.of("hold"),
            List.of("work", "free", "wait", "work"),
            List.of("done 1", "ok", "ok", "done 2"));
    RecordForkedTest.assertPaired(t.events);
    assertThat(t.events(LOCK_ACQUIRE)).hasSize(2); // the two rounds of work, reentrant
    assertThat(t.events(MONITOR_ENTER)).hasSize(2);
  }

  /**
   * Starts {@code AttachTarget}, sends {@code before}, attaches with the sync spec, sends {@code
   * after} (expecting the lines {@code replies} for them), ends it; returns its trace.
   */
  private ReadTrace attachBetween(
      Jdk jdk, List<String> before, List<String> after, List<String> replies) throws Exception {
    Path spec = RecordForkedTest.syncSpec(tmp);
    Path out = tmp.resolve("trace");
    Process target =
        ForkedJvm.start(
            jdk,
            List.of("-XX:+EnableDynamicAgentLoading"),
            ForkedJvm.testClasses(),
            "io.hbtrace.agenttest.AttachTarget");
    CompletableFuture<String> err = ForkedJvm.drain(target.getErrorStream());
    try (BufferedReader in =
            new BufferedReader(
                new InputStreamReader(target.getInputStream(), StandardCharsets.UTF_8));
        PrintStream cmd = new PrintStream(target.getOutputStream(), true, StandardCharsets.UTF_8)) {
      String ready = in.readLine();
      assertThat(ready).startsWith("ready ");
      for (String c : before) {
        cmd.println(c);
        assertThat(in.readLine()).isIn("done 1", "ok");
      }
      Result attach =
          ForkedJvm.run(
              jdk,
              List.of(),
              ForkedJvm.testClasses(),
              "io.hbtrace.agenttest.Attacher",
              ready.substring(6),
              ForkedJvm.agentJar().toString(),
              "out=" + out + ",spec=" + spec);
      assertThat(attach.exit()).as(attach.err()).isZero();
      for (int i = 0; i < after.size(); i++) {
        cmd.println(after.get(i));
        assertThat(in.readLine()).isEqualTo(replies.get(i));
      }
      cmd.println("exit");
      assertThat(target.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      target.destroyForcibly();
    }
    assertThat(target.exitValue()).as(err.get()).isZero();
    assertThat(err.get()).doesNotContain("hbtrace-agent:");
    ReadTrace t = ReadTrace.read(out);
    assertThat(t.ended).isTrue();
    return t;
  }
}
