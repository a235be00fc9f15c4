package io.hbtrace.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.agent.testing.HandoffOrder;
import io.hbtrace.agent.testing.Instrumented;
import io.hbtrace.agenttest.BarrierEdges;
import org.junit.jupiter.api.RepeatedTest;

/**
 * What a barrier's action and a phaser's {@code onAdvance} do is ordered before what the other
 * party does after the barrier trips, and after what each party did before it arrived; the barrier
 * behaves as without the agent.
 */
class BarrierInstrumentationTest {

  @RepeatedTest(5)
  void aBarriersActionHandsOverToTheWaitingThreads() throws Throwable {
    assertOrdered("barrier", "last arrival 0");
  }

  @RepeatedTest(5)
  void aPhasersOnAdvanceHandsOverToTheWaitingParties() throws Throwable {
    assertOrdered("phaser", "terminated true");
  }

  private static void assertOrdered(String program, String result) throws Throwable {
    try (Instrumented in = new Instrumented()) {
      assertThat(in.call(BarrierEdges.class, program)).isEqualTo(result);
      HandoffOrder order = new HandoffOrder(in.out.events(HandoffOrder.KINDS));
      assertThat(order.marks()).hasSize(3); // the action's, and each party's before it arrived
      for (long mark : order.marks()) {
        assertThat(order.ordered(mark)).as("mark %d", mark).isTrue();
      }
      assertThat(in.problems()).isEmpty();
    }
  }
}
