package io.hbtrace.agent.instrument;

import static io.hbtrace.traces.event.EventKind.HANDOFF_RECEIVE;
import static io.hbtrace.traces.event.EventKind.HANDOFF_SEND;
import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.agent.testing.HandoffOrder;
import io.hbtrace.agent.testing.Instrumented;
import io.hbtrace.agenttest.EitherEdges;
import io.hbtrace.agenttest.StageEdges;
import io.hbtrace.traces.event.Handoff;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * CompletableFuture's dependent stages hand over to the waits on the futures they derive, whether
 * their functions ran or were skipped, and behave as they do without the agent.
 */
class StageInstrumentationTest {

  @ParameterizedTest
  @CsvSource({
    "chain, 60, 7",
    "skipped, boom, 1",
    "exceptionallySkipped, 1, 1",
    "both, 3, 6",
    "others, 2 3 6, 6",
    "cancelled, CompletionException 7, 2"
  })
  void whatAStageDidIsOrderedBeforeTheWaitOnItsFuture(String program, String result, int marks)
      throws Throwable {
    try (Instrumented in = new Instrumented()) {
      assertThat(in.call(StageEdges.class, program)).isEqualTo(result);
      HandoffOrder order = order(in);
      assertThat(order.marks()).hasSize(marks);
      for (long mark : order.marks()) {
        assertThat(order.ordered(mark)).as("mark %d ordered", mark).isTrue();
      }
      assertThat(in.problems()).isEmpty();
    }
  }

  /**
   * A step run inline goes on with its thread's program order (its start is not a task's, which a
   * predictive analysis would scope program order to); one run on an executor starts a task.
   */
  @Test
  void onlyAStepRunOnAnExecutorStartsATask() throws Throwable {
    try (Instrumented in = new Instrumented()) {
      assertThat(in.call(StageEdges.class, "inlineAndAsync")).isEqualTo("20 3");
      List<String> taskStarts =
          in.out.events(HANDOFF_RECEIVE).stream()
              .filter(e -> e.f(1) == Handoff.EXECUTOR)
              .map(e -> in.out.threadName(e.thread()))
              .toList();
      assertThat(taskStarts).containsExactly("stage-worker");
      assertThat(in.out.events(HANDOFF_RECEIVE)).hasSizeGreaterThan(4);
    }
  }

  /**
   * A future of the program's own class is left to its overrides: each runs once, as without the
   * agent (its thenApply's bridge, redirected, called the hook back without end).
   */
  @Test
  void aFutureOfTheProgramsOwnClassRunsItsOverridesAsTheyAre() throws Throwable {
    String plain = StageEdges.subclasses();
    assertThat(plain).startsWith("thenApply, whenComplete, thenApply");
    try (Instrumented in = new Instrumented()) {
      assertThat(in.call(StageEdges.class, "subclasses")).isEqualTo(plain);
    }
  }

  /**
   * An either stage or {@code anyOf} made when both its sources completed takes the first one's
   * value, and is ordered after what the first one's thread did, not after what the other's did.
   */
  @ParameterizedTest
  @CsvSource({"applyToEither", "minimalApplyToEither", "acceptEitherAsync", "anyOf"})
  void anEitherStageReceivesOnlyTheSourceItTook(String program) throws Throwable {
    try (Instrumented in = new Instrumented()) {
      assertThat(in.call(EitherEdges.class, program)).isEqualTo("first");
      HandoffOrder order = order(in);
      assertThat(order.marks()).hasSize(2);
      assertThat(order.marks()).extracting(order::ordered).containsExactly(true, false);
    }
  }

  /** The check can fail: a wait through a plain volatile flag is not seen. */
  @Test
  void aWaitTheRecorderCannotSeeLeavesTheStageUnordered() throws Throwable {
    try (Instrumented in = new Instrumented()) {
      assertThat(in.call(StageEdges.class, "unordered")).isEqualTo("done");
      HandoffOrder order = order(in);
      assertThat(order.marks()).hasSize(1);
      assertThat(order.ordered(order.marks().get(0))).isFalse();
    }
  }

  @Test
  void failuresAndValuesAreWhatTheyAreWithoutTheAgent() throws Throwable {
    String plain = StageEdges.shapes();
    try (Instrumented in = new Instrumented()) {
      assertThat(in.call(StageEdges.class, "shapes")).isEqualTo(plain);
      assertThat(in.out.events(HANDOFF_SEND)).isNotEmpty();
    }
    assertThat(plain).contains("failed CompletionException IOException", "dependents 2");
  }

  private static HandoffOrder order(Instrumented in) {
    return new HandoffOrder(in.out.events(HandoffOrder.KINDS));
  }
}
