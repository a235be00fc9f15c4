package io.hbtrace.agent.forked;

import static io.hbtrace.traces.event.EventKind.LOCK_ACQUIRE;
import static io.hbtrace.traces.event.EventKind.LOCK_RELEASE;
import static io.hbtrace.traces.event.EventKind.MONITOR_ENTER;
import static io.hbtrace.traces.event.EventKind.MONITOR_EXIT;
import static io.hbtrace.traces.event.EventKind.OBJECT_ROLE;
import static io.hbtrace.traces.event.EventKind.PAGE_INSERT;
import static io.hbtrace.traces.event.EventKind.PAGE_INVALIDATE;
import static io.hbtrace.traces.event.EventKind.SIZE_SAMPLE;
import static io.hbtrace.traces.event.EventKind.SIZE_UPDATE;
import static io.hbtrace.traces.event.EventKind.THREAD_START;
import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.agent.testing.ForkedJvm;
import io.hbtrace.agent.testing.ForkedJvm.Jdk;
import io.hbtrace.agent.testing.ForkedJvm.Result;
import io.hbtrace.agent.testing.ReadTrace;
import io.hbtrace.agent.testing.TextTrace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A real {@code -javaagent} on real programs, on Java 17 and 25. */
class RecordForkedTest {
  static final String SYNC_MAIN = "io.hbtrace.agenttest.SyncMain";
  static final String LOG_MAIN = "io.hbtrace.agenttest.logsegment.LogSegmentMain";

  @TempDir Path tmp;

  static Stream<Jdk> jdks() {
    return ForkedJvm.jdks();
  }

  static Path syncSpec(Path dir) throws Exception {
    return Files.writeString(dir.resolve("sync.spec"), "spec 1\ninclude io.hbtrace.agenttest.\n");
  }

  static void assertPaired(List<io.hbtrace.agent.testing.MemoryTraceOutput.Ev> events) {
    Map<String, Integer> held = new HashMap<>();
    for (var e : events) {
      boolean lock = e.kind() == LOCK_ACQUIRE || e.kind() == LOCK_RELEASE;
      boolean mon = e.kind() == MONITOR_ENTER || e.kind() == MONITOR_EXIT;
      if (!lock && !mon) {
        continue;
      }
      String key = e.thread() + " " + e.f(0) + (lock ? " L" + e.f(1) : " M");
      int d = e.kind() == LOCK_ACQUIRE || e.kind() == MONITOR_ENTER ? 1 : -1;
      assertThat(held.merge(key, d, Integer::sum)).as("unpaired %s", e).isGreaterThanOrEqualTo(0);
    }
    held.values().removeIf(v -> v == 0);
    assertThat(held).as("still held").isEmpty();
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void syncProgramsAreRecordedWithoutChangingTheirOutput(Jdk jdk) throws Exception {
    String cp = ForkedJvm.testClasses();
    Result plain = ForkedJvm.run(jdk, List.of(), cp, SYNC_MAIN);
    Path out = tmp.resolve("trace");
    Result rec =
        ForkedJvm.run(
            jdk,
            List.of(
                ForkedJvm.javaagent("out=" + out + ",spec=" + syncSpec(tmp) + ",meta.case=sync")),
            cp,
            SYNC_MAIN);
    assertThat(rec.exit()).as(rec.err()).isZero();
    assertThat(rec.out()).isEqualTo(plain.out());
    assertThat(rec.agentLines()).isEmpty();

    ReadTrace t = ReadTrace.read(out);
    assertThat(t.ended).isTrue();
    assertThat(t.truncated).isFalse();
    assertThat(t.start.producer()).isEqualTo("hbtrace-agent");
    assertThat(t.start.mainClass()).isEqualTo(SYNC_MAIN);
    assertThat(t.meta()).containsEntry("case", "sync").containsEntry("agent.attach", "premain");
    assertPaired(t.events);
    assertThat(t.events(LOCK_ACQUIRE)).hasSizeGreaterThanOrEqualTo(10);
    assertThat(t.events(THREAD_START)).hasSizeGreaterThanOrEqualTo(7);
    assertThat(t.threads.values()).contains("main", "child", "worker", "notifier");
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void userSpecOnALogSegmentGivesExactDomainCounts(Jdk jdk) throws Exception {
    Path spec = tmp.resolve("logsegment.spec");
    try (var in = getClass().getResourceAsStream("/logsegment.spec")) {
      Files.copy(in, spec);
    }
    Path out = tmp.resolve("trace");
    Result rec =
        ForkedJvm.run(
            jdk,
            List.of(ForkedJvm.javaagent("out=" + out + ",spec=" + spec)),
            ForkedJvm.testClasses(),
            LOG_MAIN);
    assertThat(rec.exit()).as(rec.err()).isZero();
    assertThat(rec.out()).isEqualTo("hello |hello world, log!x\n");
    // nothing on stderr either: the bridge is defined in the boot loader without appending a jar
    // to the boot class path (which would make HotSpot warn that class sharing is turned off)
    assertThat(rec.errWithoutUnsafeWarning()).isEmpty();
    ReadTrace t = ReadTrace.read(out);
    assertThat(t.ended).isTrue();
    assertThat(t.events(SIZE_UPDATE))
        .extracting(e -> List.of(e.f(0), e.f(1), e.f(2)))
        .containsExactly(List.of(7L, 0L, 6L), List.of(7L, 6L, 17L), List.of(7L, 17L, 18L));
    assertThat(t.sites.get(t.events(SIZE_UPDATE).get(0).site()).method()).isEqualTo("publishEnd");
    assertThat(t.events(OBJECT_ROLE))
        .singleElement()
        .satisfies(e -> assertThat(t.string((int) e.f(1))).isEqualTo("segment_lock"));
    assertThat(t.events(SIZE_UPDATE)).hasSize(3);
    assertThat(t.events(PAGE_INVALIDATE)).hasSize(4);
    assertThat(t.events(SIZE_SAMPLE)).hasSize(3);
    assertThat(t.events(PAGE_INSERT)).hasSize(3);
    assertThat(t.events(LOCK_ACQUIRE)).hasSize(5);
    assertPaired(t.events);
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void hooksFailingInsideNeverChangeOutputOrExitCode(Jdk jdk) throws Exception {
    String cp = ForkedJvm.testClasses();
    Result plain = ForkedJvm.run(jdk, List.of(), cp, SYNC_MAIN, "3");
    Path out = tmp.resolve("trace");
    Result rec =
        ForkedJvm.run(
            jdk,
            List.of(
                ForkedJvm.javaagent("out=" + out + ",spec=" + syncSpec(tmp) + ",failHooks=true")),
            cp,
            SYNC_MAIN,
            "3");
    assertThat(plain.exit()).isEqualTo(3);
    assertThat(rec.exit()).as(rec.err()).isEqualTo(3);
    assertThat(rec.out()).isEqualTo(plain.out());
    assertThat(ReadTrace.read(out).events(LOCK_ACQUIRE)).isNotEmpty();
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void verboseListsTracepointsThatNeverMatchedALoadedMethod(Jdk jdk) throws Exception {
    Path spec =
        Files.writeString(
            tmp.resolve("v.spec"),
            "spec 1\n"
                + "at exit io.hbtrace.agenttest.logsegment.LogSegment#publishEnd -> SIZE_UPDATE"
                + " ino=this.id oldSize=0 newSize=arg0\n"
                + "at exit com.example.Missing#gone -> FSYNC ino=0 result=0\n");
    Path out = tmp.resolve("trace");
    Result rec =
        ForkedJvm.run(
            jdk,
            List.of(ForkedJvm.javaagent("out=" + out + ",spec=" + spec + ",verbose=true")),
            ForkedJvm.testClasses(),
            LOG_MAIN);
    assertThat(rec.exit()).as(rec.err()).isZero();
    assertThat(rec.out()).isEqualTo("hello |hello world, log!x\n");
    assertThat(rec.agentLines())
        .anyMatch(l -> l.startsWith("hbtrace-agent: recording to "))
        .anyMatch(
            l ->
                l.equals(
                    "hbtrace-agent: 1 tracepoint(s) never matched a method the agent instruments"
                        + " (a class never loaded, a method it does not have, abstract or native, or"
                        + " a JDK class): com.example.Missing#gone ("
                        + spec
                        + ":3)"))
        .anyMatch(l -> l.contains("classes instrumented, 0 problem(s)"));
    assertThat(ReadTrace.read(out).events(SIZE_UPDATE)).hasSize(3);
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void textFormatForDebuggingTheAgent(Jdk jdk) throws Exception {
    Path out = tmp.resolve("trace");
    Result rec =
        ForkedJvm.run(
            jdk,
            List.of(ForkedJvm.javaagent("out=" + out + ",spec=" + syncSpec(tmp) + ",format=text")),
            ForkedJvm.testClasses(),
            LOG_MAIN);
    assertThat(rec.exit()).as(rec.err()).isZero();
    assertThat(rec.err()).isEmpty();
    TextTrace t = TextTrace.read(out);
    assertThat(t.ended).isTrue();
    assertThat(t.startLine).contains(LOG_MAIN);
    assertThat(t.events(LOCK_ACQUIRE)).hasSize(5);
    assertPaired(t.events);
  }
}
