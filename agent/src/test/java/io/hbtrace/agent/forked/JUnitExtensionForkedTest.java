package io.hbtrace.agent.forked;

import static io.hbtrace.traces.event.EventKind.LOCK_ACQUIRE;
import static io.hbtrace.traces.event.EventKind.MONITOR_ENTER;
import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.agent.testing.ForkedJvm;
import io.hbtrace.agent.testing.ForkedJvm.Result;
import io.hbtrace.agent.testing.ReadTrace;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JUnit 5 extension records each test of a real JUnit run into its own trace. */
class JUnitExtensionForkedTest {
  @TempDir Path tmp;

  @Test
  void eachTestGetsItsOwnTrace() throws Exception {
    Path out = tmp.resolve("trace");
    Result r = runJUnit("TwoCases", out);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("tests 2 failed 0\n");
    Path tests = tmp.resolve("trace.tests");
    ReadTrace a = ReadTrace.read(tests.resolve("io.hbtrace.agenttest.junit.TwoCases#a"));
    ReadTrace b = ReadTrace.read(tests.resolve("io.hbtrace.agenttest.junit.TwoCases#b"));
    assertThat(a.ended).isTrue();
    assertThat(b.ended).isTrue();
    assertThat(a.meta()).containsEntry("test", "io.hbtrace.agenttest.junit.TwoCases#a");
    assertThat(a.events(LOCK_ACQUIRE)).hasSize(1);
    assertThat(a.events(MONITOR_ENTER)).isEmpty();
    assertThat(b.events(MONITOR_ENTER)).hasSize(1);
    assertThat(b.events(LOCK_ACQUIRE)).isEmpty();
    assertThat(ReadTrace.read(out).events(LOCK_ACQUIRE)).isEmpty();
    // the site ids baked into the code are valid in every trace
    assertThat(b.sites).containsKey(b.events(MONITOR_ENTER).get(0).site());
  }

  /** Tests run in parallel: said once, and the rest of the run recorded into one trace. */
  @Test
  void testsRunInParallelGoToOneTrace() throws Exception {
    Path out = tmp.resolve("trace");
    Result r = runJUnit("ParallelCases", out, "parallel");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("tests 2 failed 0\n");
    assertThat(r.err()).containsOnlyOnce("hbtrace: tests run in parallel");
    ReadTrace both = ReadTrace.read(tmp.resolve("trace.tests").resolve("parallel-tests"));
    assertThat(both.ended).isTrue();
    assertThat(both.events(LOCK_ACQUIRE)).hasSize(1);
    assertThat(both.events(MONITOR_ENTER)).hasSize(1);
  }

  /**
   * A test whose beforeEach an earlier extension aborted (ours never ran, its afterEach does): the
   * next test, run after it, is not taken for one running beside it.
   */
  @Test
  void anAbortedTestDoesNotLookParallel() throws Exception {
    Path out = tmp.resolve("trace");
    Result r = runJUnit("SkipFirst", out);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("tests 1 failed 0 aborted 1\n");
    assertThat(r.err()).doesNotContain("parallel");
    ReadTrace b =
        ReadTrace.read(
            tmp.resolve("trace.tests").resolve("io.hbtrace.agenttest.junit.SkipFirst#b"));
    assertThat(b.events(MONITOR_ENTER)).hasSize(1);
  }

  /** Runs test class {@code name} with RunJUnit ({@code mode}), the agent recording that class. */
  private Result runJUnit(String name, Path out, String... mode) throws Exception {
    List<String> cp = new ArrayList<>();
    cp.add(ForkedJvm.testClasses());
    cp.add(Path.of(System.getProperty("hbtrace.junit.jar")).toAbsolutePath().toString());
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (e.contains("junit") || e.contains("opentest4j") || e.contains("apiguardian")) {
        cp.add(e);
      }
    }
    Path spec =
        Files.writeString(
            tmp.resolve("s.spec"), "spec 1\ninclude io.hbtrace.agenttest.junit." + name + "\n");
    return ForkedJvm.run(
        ForkedJvm.current(),
        List.of(ForkedJvm.javaagent("out=" + out + ",spec=" + spec)),
        String.join(File.pathSeparator, cp),
        "io.hbtrace.agenttest.junit.RunJUnit",
        Stream.concat(Stream.of(name), Stream.of(mode)).toArray(String[]::new));
  }
}
