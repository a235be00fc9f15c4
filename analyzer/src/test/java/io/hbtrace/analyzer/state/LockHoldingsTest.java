package io.hbtrace.analyzer.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.traces.event.LockMode;
import org.junit.jupiter.api.Test;

class LockHoldingsTest {
  private final TracedObjects objects = new TracedObjects();
  private final LockHoldings h = new LockHoldings(objects);

  /** Names {@code lock} an inode lock: a role whose holders a check asks about. */
  private void heldRole(long lock) {
    objects.getOrAdd(lock).name(new ObjectRoles.Role(ObjectRoles.INODE_LOCK, 12, 0, false, true));
  }

  @Test
  void reentrantExclusiveNests() {
    heldRole(7);
    h.acquired(1, 7, LockMode.EXCLUSIVE, 0);
    h.acquired(1, 7, LockMode.EXCLUSIVE, 0);
    h.released(1, 7, LockMode.EXCLUSIVE);
    assertThat(h.heldExclusivelyBy(1, 7)).isTrue();
    h.released(1, 7, LockMode.EXCLUSIVE);
    assertThat(h.heldByAnyone(7)).isFalse();
    assertThat(h.size()).isZero();
  }

  @Test
  void sharedHoldersAreCountedPerThread() {
    heldRole(7);
    h.acquired(1, 7, LockMode.SHARED, 0);
    h.acquired(2, 7, LockMode.SHARED, 0);
    h.released(1, 7, LockMode.SHARED);
    assertThat(h.heldBy(2, 7)).isTrue();
    assertThat(h.heldBy(1, 7)).isFalse();
    assertThat(h.heldExclusivelyBy(2, 7)).isFalse();
    assertThat(h.size()).isOne();
  }

  @Test
  void ownerLessLockIsReleasedByAnotherThread() {
    heldRole(9);
    h.acquired(3, 9, LockMode.EXCLUSIVE, 0); // the reader locks the page it inserts
    h.released(5, 9, LockMode.EXCLUSIVE); // the read completion unlocks it
    assertThat(h.heldByAnyone(9)).isFalse();
    assertThat(h.size()).isZero();
  }

  @Test
  void locksWithoutAHeldRoleAreNotTracked() {
    objects.getOrAdd(4).name(new ObjectRoles.Role(ObjectRoles.PAGE_LOCK, 12, 3, true, false));
    h.acquired(1, 4, LockMode.EXCLUSIVE, 0);
    h.acquired(1, 5, LockMode.EXCLUSIVE, 0); // no record at all
    assertThat(h.heldByAnyone(4)).isFalse();
    assertThat(h.heldByAnyone(5)).isFalse();
    assertThat(h.size()).isZero();
  }

  @Test
  void everyLockIsCountedTakenAndGivenBackWhateverItsRole() {
    h.acquired(1, 4, LockMode.EXCLUSIVE, 10);
    h.acquired(1, 4, LockMode.EXCLUSIVE, 11);
    h.released(1, 4, LockMode.EXCLUSIVE); // 4 still held once
    h.acquired(2, 5, LockMode.EXCLUSIVE, 12);
    h.released(1, 5, LockMode.EXCLUSIVE); // 5 balanced
    h.released(1, 6, LockMode.EXCLUSIVE); // 6 given back, never taken
    assertThat(h.unbalanced()).isEqualTo(2);
    h.released(1, 4, LockMode.EXCLUSIVE);
    assertThat(h.unbalanced()).isOne();
    assertThat(h.size()).isZero(); // no holders tracked: no role asks
  }
}
