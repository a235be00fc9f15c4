package io.hbtrace.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.agent.testing.HandoffOrder;
import io.hbtrace.agent.testing.Instrumented;
import io.hbtrace.agenttest.CollectionEdges;
import java.lang.reflect.Method;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Objects placed into a thread-safe collection by one thread and taken back by another are ordered
 * by the recorded hand-offs; a plain collection's are not.
 */
class CollectionInstrumentationTest {

  @ParameterizedTest
  @CsvSource({
    "maps, 5, true",
    "subclassMap, 1, true",
    "synchronizedMap, 1, true",
    "queues, 5, true",
    "lists, 3, true",
    "stack, 2, true",
    "sets, 2, true",
    "bulk, 2, true",
    "iterators, 5, true",
    "plainIterator, 1, false",
    "blockingQueueBothWays, 2, true",
    "containsValue, 1, true",
    "containsKey, 2, true",
    "containsKeyOfASynchronizedMap, 1, false",
    "replaceAll, 2, true",
    "synchronizedViewsIterated, 2, true",
    "synchronizedViewIteratedWithoutItsLock, 2, false",
    "streams, 5, true",
    "remainingAndRemoveIf, 2, true",
    "unmodifiableViews, 2, true",
    "unmodifiablePlainMap, 1, false",
    "plainMap, 1, false",
    "futureInMap, 1, false"
  })
  void whatIsPlacedIsOrderedBeforeWhatTakesItOnlyInAThreadSafeCollection(
      String program, int marks, boolean ordered) throws Throwable {
    Method plain = CollectionEdges.class.getMethod(program);
    Object expected = plain.invoke(null);
    try (Instrumented in = new Instrumented()) {
      assertThat(in.call(CollectionEdges.class, program)).isEqualTo(expected);
      HandoffOrder order = new HandoffOrder(in.out.events(HandoffOrder.KINDS));
      assertThat(order.marks()).hasSize(marks);
      for (long mark : order.marks()) {
        assertThat(order.ordered(mark)).as("mark %d", mark).isEqualTo(ordered);
      }
      assertThat(in.problems()).isEmpty();
    }
  }
}
