package io.hbtrace.agent.instrument;

import static io.hbtrace.traces.event.EventKind.FAULT;
import static io.hbtrace.traces.event.EventKind.OBJECT_ROLE;
import static io.hbtrace.traces.event.EventKind.OP_BEGIN;
import static io.hbtrace.traces.event.EventKind.RUN_END;
import static io.hbtrace.traces.event.EventKind.SIZE_UPDATE;
import static io.hbtrace.traces.event.EventKind.VERIFY;
import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.agent.testing.Instrumented;
import io.hbtrace.agent.testing.MemoryTraceOutput.Ev;
import io.hbtrace.agenttest.captures.CaptureTargets;
import io.hbtrace.traces.event.EventKind;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The code generated for tracepoint captures ({@link CaptureCode}, {@link TracepointAdvice}) gives
 * the values the spec defines, with nulls anywhere along a chain, on exceptional exits, in static
 * methods and constructors, and through the reflective fallback, and never changes what the program
 * sees.
 */
class TracepointCodegenTest {
  private static final String T = "io.hbtrace.agenttest.captures.CaptureTargets";

  private static final String SPEC =
      String.join(
          "\n",
          "spec 1",
          "at exit "
              + T
              + "#chain -> VERIFY ino=arg0.next.next.value pos=arg0.color"
              + " len=arg0.boxed badOffset=arg0.ratio expected=arg0.flag actual=arg0.letter",
          "at exit " + T + "#chain -> RUN_END run=return failed=arg0.secret",
          "at exit " + T + "#fail -> FAULT what=thrown ino=arg0.value pos=-3",
          "at return " + T + "#fail -> RUN_END run=7 failed=thrown",
          "at enter " + T + "#statik -> OP_BEGIN op=this ino=arg0 pos=arg1 len=arg2",
          "at exit "
              + T
              + "#<init> -> OBJECT_ROLE object=this.lock role=\"test_lock\""
              + " owner=this.id detail=arg0.next.value",
          "at exit "
              + T
              + "#update -> SIZE_UPDATE ino=this.id oldSize=this.size@enter"
              + " newSize=arg0",
          "at enter " + T + "#sub -> FAULT what=arg0.extra ino=arg0.inherited pos=arg1.value",
          "");

  private static long[] fields(Ev e) {
    return Arrays.copyOf(e.f(), e.kind().arity());
  }

  private static List<long[]> fields(Instrumented in, EventKind kind) {
    return in.out.events(kind).stream().map(TracepointCodegenTest::fields).toList();
  }

  @Test
  void capturesGiveTheSpecsValuesAndTheProgramSeesNoDifference() throws Throwable {
    String plain = CaptureTargets.run();
    try (Instrumented in = new Instrumented(SPEC)) {
      assertThat(in.call(CaptureTargets.class, "run")).isEqualTo(plain);

      // chain hops, enum ordinal, box, double truncated, boolean, char; nulls give 0
      assertThat(fields(in, VERIFY))
          .containsExactly(new long[] {30, 2, 42, 2, 1, 'A'}, new long[6], new long[6]);
      // return value; a private field of another class is read reflectively
      assertThat(fields(in, RUN_END))
          .containsExactly(
              new long[] {10, 77}, new long[] {1, 0}, new long[] {-1, 0}, new long[] {7, 0});
      // an exit by an exception is seen by 'at exit' (thrown=1), not by 'at return'
      assertThat(fields(in, FAULT).subList(0, 2))
          .containsExactly(new long[] {0, 10, -3}, new long[] {1, 1, -3});
      // 'this' in a static method is 0; an Object-typed Integer is converted at run time
      assertThat(fields(in, OP_BEGIN)).containsExactly(new long[] {0, 3, 4, 9});
      // @enter keeps the value at entry
      assertThat(fields(in, SIZE_UPDATE))
          .containsExactly(new long[] {110, 0, 6}, new long[] {110, 6, 8});
      // a field only the runtime subclass has (reflective), an inherited one, a hop on a primitive
      assertThat(fields(in, FAULT).get(2)).containsExactly(11, 5, 0);
    }
  }

  @Test
  void constructorExitSeesTheInitializedObject() throws Throwable {
    try (Instrumented in = new Instrumented(SPEC)) {
      in.call(CaptureTargets.class, "run");
      List<Ev> roles = in.out.events(OBJECT_ROLE);
      assertThat(roles).hasSize(1);
      assertThat(roles.get(0).f(0)).as("the lock's identity").isPositive();
      assertThat(in.out.string((int) roles.get(0).f(1))).isEqualTo("test_lock");
      assertThat(fields(roles.get(0))[2]).isEqualTo(110);
      assertThat(fields(roles.get(0))[3]).isEqualTo(20);
      assertThat(in.out.site(roles.get(0).site()).method()).isEqualTo("<init>");
    }
  }

  @Test
  void aFailingHookNeverReachesTheProgram() throws Throwable {
    String plain = CaptureTargets.run();
    try (Instrumented in = new Instrumented(SPEC, true)) {
      assertThat(in.call(CaptureTargets.class, "run")).isEqualTo(plain);
      assertThat(in.out.events(VERIFY)).hasSize(3);
    }
  }
}
