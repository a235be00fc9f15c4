package io.hbtrace.agent.record;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What an attached recorder keeps of the holds it has seen, and which releases it records. */
class HeldLocksTest {
  private final HeldLocks held = new HeldLocks();
  private final long lock = HeldLocks.key(7, 0);
  private final long monitor = HeldLocks.key(8, HeldLocks.MONITOR);

  @Test
  void aReleaseOfAHoldNeverSeenIsLeftOutEvenAfterReentrantUse() {
    assertThat(held.released(lock)).isFalse(); // taken before the attach
    held.acquired(lock); // reentrant, inside the unseen hold
    assertThat(held.released(lock)).isTrue();
    assertThat(held.released(lock)).isFalse(); // the unseen hold itself
  }

  @Test
  void aWaitOnAnUnseenHoldIsLeftOutBothWays() {
    assertThat(held.waitReleased(monitor)).isFalse();
    assertThat(held.waitReacquired(monitor)).isFalse();
    held.acquired(monitor);
    assertThat(held.waitReleased(monitor)).isTrue();
    assertThat(held.waitReacquired(monitor)).isTrue();
    assertThat(held.released(monitor)).isTrue();
  }

  @Test
  void aLockGivenBackByAnotherThreadIsRecorded() throws Exception {
    held.acquired(lock);
    boolean[] recorded = new boolean[2];
    Thread other =
        new Thread(
            () -> {
              recorded[0] = held.released(lock);
              recorded[1] = held.released(lock); // nothing held any more
            });
    other.start();
    other.join();
    assertThat(recorded).containsExactly(true, false);
  }
}
