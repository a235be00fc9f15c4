package io.hbtrace.agent.instrument;

import static io.hbtrace.traces.event.EventKind.LOCK_ACQUIRE;
import static io.hbtrace.traces.event.EventKind.LOCK_RELEASE;
import static io.hbtrace.traces.event.EventKind.MONITOR_ENTER;
import static io.hbtrace.traces.event.EventKind.OBJECT_ROLE;
import static io.hbtrace.traces.event.EventKind.PAGE_INSERT;
import static io.hbtrace.traces.event.EventKind.PAGE_INVALIDATE;
import static io.hbtrace.traces.event.EventKind.SIZE_SAMPLE;
import static io.hbtrace.traces.event.EventKind.SIZE_UPDATE;
import static io.hbtrace.traces.event.EventKind.VOLATILE_READ;
import static io.hbtrace.traces.event.EventKind.VOLATILE_WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.agent.testing.Instrumented;
import io.hbtrace.agent.testing.MemoryTraceOutput.Ev;
import io.hbtrace.agenttest.logsegment.LogSegmentMain;
import io.hbtrace.traces.event.EventKind;
import io.hbtrace.traces.event.Invalidation;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A user spec for code that is not sample-fs (a log segment) yields the same event kinds as the
 * built-in one, with exact counts for a scripted single-threaded run.
 */
class TracepointInstrumentationTest {

  static String logSegmentSpec() throws Exception {
    try (InputStream in =
        TracepointInstrumentationTest.class.getResourceAsStream("/logsegment.spec")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static long[] fields(Ev e) {
    long[] f = new long[e.kind().arity()];
    System.arraycopy(e.f(), 0, f, 0, f.length);
    return f;
  }

  /**
   * In a scheduled run a synchronized method that is also a tracepoint ({@code
   * ReaderCache.invalidate}) becomes a block, under the tracepoint's advice: the program and every
   * event come out as in a recording.
   */
  @Test
  void aTracedSynchronizedMethodRecordsTheSameWhenItBecomesABlock() throws Throwable {
    List<String> recorded;
    try (Instrumented in = new Instrumented(logSegmentSpec())) {
      in.call(LogSegmentMain.class, "run");
      recorded = in.out.events().stream().map(e -> e.kind() + " " + e.site()).toList();
    }
    try (Instrumented in = new Instrumented(logSegmentSpec(), false, true)) {
      assertThat(in.call(LogSegmentMain.class, "run")).isEqualTo("hello |hello world, log!x");
      assertThat(in.out.events().stream().map(e -> e.kind() + " " + e.site()).toList())
          .isEqualTo(recorded);
      assertThat(in.problems()).isEmpty();
    }
  }

  @Test
  void logSegmentSpecGivesTheDomainKindsWithExactCounts() throws Throwable {
    try (Instrumented in = new Instrumented(logSegmentSpec())) {
      assertThat(in.call(LogSegmentMain.class, "run")).isEqualTo("hello |hello world, log!x");

      assertThat(in.out.events(SIZE_UPDATE))
          .extracting(TracepointInstrumentationTest::fields)
          .containsExactly(new long[] {7, 0, 6}, new long[] {7, 6, 17}, new long[] {7, 17, 18});
      assertThat(in.out.events(PAGE_INVALIDATE))
          .extracting(TracepointInstrumentationTest::fields)
          .containsExactly(
              new long[] {7, 0, Invalidation.PHASE_POST_IO, Invalidation.ABSENT},
              new long[] {7, 0, Invalidation.PHASE_POST_IO, Invalidation.REMOVED},
              new long[] {7, 1, Invalidation.PHASE_POST_IO, Invalidation.ABSENT},
              new long[] {7, 1, Invalidation.PHASE_POST_IO, Invalidation.ABSENT});
      assertThat(in.out.events(SIZE_SAMPLE))
          .extracting(TracepointInstrumentationTest::fields)
          .containsExactly(new long[] {7, 0, 6}, new long[] {7, 0, 18}, new long[] {7, 1, 18});
      assertThat(in.out.events(PAGE_INSERT))
          .extracting(TracepointInstrumentationTest::fields)
          .containsExactly(new long[] {7, 0}, new long[] {7, 0}, new long[] {7, 1});
      assertThat(in.out.events(VOLATILE_WRITE)).hasSize(3);
      assertThat(in.out.events(VOLATILE_READ)).hasSize(6);
      assertThat(in.out.events(VOLATILE_WRITE))
          .allMatch(e -> in.out.string((int) e.f(0)).endsWith("LogSegment.endOffset"))
          .extracting(e -> e.f(2))
          .containsExactly(6L, 17L, 18L);

      List<Ev> locks = in.out.events(LOCK_ACQUIRE, LOCK_RELEASE);
      assertThat(locks).hasSize(10);
      SyncInstrumentationTest.assertPaired(locks);
      assertThat(in.out.events(MONITOR_ENTER)).hasSize(28);

      List<Ev> roles = in.out.events(OBJECT_ROLE);
      assertThat(roles).hasSize(1);
      assertThat(roles.get(0).f(0)).as("role names the lock's id").isEqualTo(locks.get(0).f(0));
      assertThat(in.out.string((int) roles.get(0).f(1))).isEqualTo("segment_lock");
      assertThat(roles.get(0).f(2)).isEqualTo(7);

      Ev update = in.out.events(SIZE_UPDATE).get(0);
      assertThat(in.out.site(update.site()).method()).isEqualTo("publishEnd");
      assertThat(in.problems()).isEmpty();
    }
  }

  /**
   * A lambda body is traced like any method; a bridge is not (the method it calls records the
   * event), and a tracepoint naming it by its descriptor is warned about.
   */
  @Test
  void compilerGeneratedMethodsAreTracedButNotBridges() throws Throwable {
    String g = "io.hbtrace.agenttest.generated.Generated";
    String spec =
        "spec 1\n"
            + "at exit "
            + g
            + "#lambda$run$0 -> OP_END op=1 ino=arg0 pos=0 result=return\n"
            + "at exit "
            + g
            + "$Impl#put -> OP_END op=2 ino=0 pos=0 result=0\n"
            + "at exit "
            + g
            + "$Impl#put(Ljava/lang/Object;)Ljava/lang/Object; -> OP_END op=3 ino=0 pos=0 result=0\n";
    try (Instrumented in = new Instrumented(spec)) {
      assertThat(in.call(io.hbtrace.agenttest.generated.Generated.class, "run")).isEqualTo("42x!");
      assertThat(in.out.events(EventKind.OP_END))
          .extracting(e -> e.f(0) + ":" + e.f(3))
          .containsExactly("1:42", "2:0"); // put(String), once although called through the bridge
      assertThat(in.instrumenter.unmatched()).isEmpty();
      assertThat(in.problems())
          .contains(
              "$Impl#put(Ljava/lang/Object;)Ljava/lang/Object; is a bridge the compiler wrote, which"
                  + " cannot be traced; name the method it calls");
    }
  }

  /**
   * A capture through a field whose type the pool cannot find (missing from the class path): read
   * at run time, and the class's other instrumentation stays. The traced class's own file is hidden
   * too (a loader that defines classes from bytes it does not serve): its site still has the source
   * file and line, read from the bytes the JVM handed over.
   */
  @Test
  void aCaptureThroughAFieldOfAMissingTypeIsReadAtRunTime() throws Throwable {
    String h = "io.hbtrace.agenttest.generated.Holder";
    String spec =
        "spec 1\ninclude io.hbtrace.agenttest.generated.\n"
            + "at exit "
            + h
            + "#work -> OP_END op=1 ino=this.extra.v pos=this.extra result=return\n";
    try (Instrumented in = new Instrumented(spec)) {
      in.hiddenClassFiles.add("io/hbtrace/agenttest/generated/Extra.class");
      in.hiddenClassFiles.add("io/hbtrace/agenttest/generated/Holder.class");
      assertThat(in.call(io.hbtrace.agenttest.generated.Holder.class, "run")).isEqualTo(5L);
      assertThat(in.out.events(EventKind.OP_END))
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.f(1)).isEqualTo(9); // this.extra.v, read reflectively
                assertThat(e.f(2)).isPositive(); // this.extra, its identity
                assertThat(e.f(3)).isEqualTo(5);
                assertThat(in.out.site(e.site()).sourceFile()).isEqualTo("Holder.java");
                assertThat(in.out.site(e.site()).line()).isPositive();
              });
      assertThat(in.out.events(MONITOR_ENTER)).hasSize(1);
    }
  }

  @Test
  void sizeUpdateIsRecordedAfterTheInvalidationsOfItsAppend() throws Throwable {
    try (Instrumented in = new Instrumented(logSegmentSpec())) {
      in.call(LogSegmentMain.class, "run");
      List<Ev> ev = in.out.events(PAGE_INVALIDATE, SIZE_UPDATE);
      assertThat(ev)
          .extracting(Ev::kind)
          .containsExactly(
              PAGE_INVALIDATE,
              SIZE_UPDATE,
              PAGE_INVALIDATE,
              PAGE_INVALIDATE,
              SIZE_UPDATE,
              PAGE_INVALIDATE,
              SIZE_UPDATE);
    }
  }

  @Test
  void capturesThatCannotBeReadGiveZeroAndNeverDisturbTheProgram() throws Throwable {
    String spec =
        "spec 1\n"
            + "at exit io.hbtrace.agenttest.logsegment.LogSegment#publishEnd -> SIZE_UPDATE"
            + " ino=this.cache.segment.noSuchField oldSize=arg0.x newSize=this.id\n";
    try (Instrumented in = new Instrumented(spec)) {
      assertThat(in.call(LogSegmentMain.class, "run")).isEqualTo("hello |hello world, log!x");
      assertThat(in.out.events(SIZE_UPDATE))
          .extracting(TracepointInstrumentationTest::fields)
          .containsOnly(new long[] {0, 0, 7});
      assertThat(in.problems()).contains("no readable field 'noSuchField'");
      assertThat(in.problems())
          .contains(
              "LogSegment#publishEnd(J)V: 'arg0.x' takes a field of a long, which has none: it"
                  + " reads 0");
    }
  }

  /**
   * A tracepoint without a descriptor whose {@code return} a void overload lacks: skipped there.
   */
  @Test
  void aReturnTheMatchedMethodDoesNotHaveSkipsTheTracepointThereWithAWarning() throws Throwable {
    String spec =
        "spec 1\n"
            + "at exit io.hbtrace.agenttest.logsegment.LogSegment#publishEnd -> SIZE_UPDATE"
            + " ino=this.id oldSize=arg0 newSize=return\n";
    try (Instrumented in = new Instrumented(spec)) {
      assertThat(in.call(LogSegmentMain.class, "run")).isEqualTo("hello |hello world, log!x");
      assertThat(in.out.events(SIZE_UPDATE)).isEmpty();
      assertThat(in.problems())
          .contains(
              "'return' of io.hbtrace.agenttest.logsegment.LogSegment#publishEnd(J)V, which"
                  + " returns nothing; the tracepoint is skipped there");
    }
  }

  @Test
  void anArgumentTheMatchedMethodDoesNotHaveSkipsTheTracepointThereWithAWarning() throws Throwable {
    String spec = // publishEnd(J)V's tracepoint without its descriptor, naming a 4th argument
        logSegmentSpec()
            .replace("LogSegment#publishEnd(J)V -> ", "LogSegment#publishEnd -> ")
            .replace("newSize=arg0", "newSize=arg3");
    try (Instrumented in = new Instrumented(spec)) {
      assertThat(in.call(LogSegmentMain.class, "run")).isEqualTo("hello |hello world, log!x");
      assertThat(in.out.events(SIZE_UPDATE)).isEmpty(); // not recorded with a made-up value
      assertThat(in.out.events(SIZE_SAMPLE)).hasSize(3); // the other tracepoints still work
      assertThat(in.problems())
          .contains("test.spec:7: 'arg3' is out of range for")
          .contains("LogSegment#publishEnd(J)V (it takes 1 argument(s))");
    }
  }

  @Test
  void aNamedFieldNoCodeAccessesIsListed() throws Throwable {
    String spec =
        logSegmentSpec() + "\nvolatile io.hbtrace.agenttest.logsegment.LogSegment.noSuchField\n";
    try (Instrumented in = new Instrumented(spec)) {
      in.call(LogSegmentMain.class, "run");
      assertThat(in.instrumenter.unaccessedFields())
          .containsExactly("io.hbtrace.agenttest.logsegment.LogSegment.noSuchField");
    }
  }
}
