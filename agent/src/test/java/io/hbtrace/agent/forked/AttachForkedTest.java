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
import java.nio.file.Files;
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
      cmd.println("work");
      assertThat(in.readLine()).isEqualTo("done 1");

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

      cmd.println("work");
      assertThat(in.readLine()).isEqualTo("done 2");
      cmd.println("work");
      assertThat(in.readLine()).isEqualTo("done 3");
      cmd.println("exit");
      assertThat(target.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      target.destroyForcibly();
    }
    assertThat(target.exitValue()).as(err.get()).isZero();
    assertThat(err.get()).doesNotContain("hbtrace-agent:");
    ReadTrace t = ReadTrace.read(out);
    assertThat(t.ended).isTrue();
    assertThat(t.meta()).containsEntry("agent.attach", "dynamic");
    assertThat(t.start.mainClass()).isEqualTo("io.hbtrace.agenttest.AttachTarget");
    assertThat(t.events(LOCK_ACQUIRE)).hasSize(2);
    assertThat(t.events(MONITOR_ENTER)).hasSize(2);
    RecordForkedTest.assertPaired(t.events);
    assertThat(Files.exists(out)).isTrue();
  }
}
