package io.hbtrace.analyzer.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.traces.event.LockMode;
import org.junit.jupiter.api.Test;

class LockHoldingsTest {
  private final LockHoldings h = new LockHoldings();

  @Test
  void reentrantExclusiveNests() {
    h.acquired(1, 7, LockMode.EXCLUSIVE);
    h.acquired(1, 7, LockMode.EXCLUSIVE);
    h.released(1, 7, LockMode.EXCLUSIVE);
    assertThat(h.heldExclusivelyBy(1, 7)).isTrue();
    h.released(1, 7, LockMode.EXCLUSIVE);
    assertThat(h.heldByAnyone(7)).isFalse();
    assertThat(h.heldLocks(1)).isEmpty();
  }

  @Test
  void sharedHoldersAreCountedPerThread() {
    h.acquired(1, 7, LockMode.SHARED);
    h.acquired(2, 7, LockMode.SHARED);
    h.released(1, 7, LockMode.SHARED);
    assertThat(h.heldBy(2, 7)).isTrue();
    assertThat(h.heldBy(1, 7)).isFalse();
    assertThat(h.heldExclusivelyBy(2, 7)).isFalse();
  }

  @Test
  void ownerLessLockIsReleasedByAnotherThread() {
    h.acquired(3, 9, LockMode.EXCLUSIVE); // the reader locks the page it inserts
    h.released(5, 9, LockMode.EXCLUSIVE); // the read completion unlocks it
    assertThat(h.heldByAnyone(9)).isFalse();
    assertThat(h.heldLocks(3)).isEmpty();
    assertThat(h.size()).isZero();
  }
}
