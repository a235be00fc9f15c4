package io.hbtrace.agent.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.traces.event.Handoff;
import org.junit.jupiter.api.Test;

class HandoffKindTest {
  @Test
  void bridgeCodesAreTheTraceFormats() {
    assertThat(HandoffKind.EXECUTOR).isEqualTo(Handoff.EXECUTOR);
    assertThat(HandoffKind.FUTURE).isEqualTo(Handoff.FUTURE);
    assertThat(HandoffKind.LATCH).isEqualTo(Handoff.LATCH);
    assertThat(HandoffKind.NOTIFY).isEqualTo(Handoff.NOTIFY);
    assertThat(HandoffKind.PARK).isEqualTo(Handoff.PARK);
    assertThat(HandoffKind.ELEMENT).isEqualTo(Handoff.ELEMENT);
  }

  @Test
  void hooksWithoutASinkOnlyPerformTheCall() throws Exception {
    java.util.concurrent.locks.ReentrantLock l = new java.util.concurrent.locks.ReentrantLock();
    LockHooks.lock(l, 1);
    assertThat(l.isHeldByCurrentThread()).isTrue();
    LockHooks.unlock(l, 1);
    assertThat(l.isLocked()).isFalse();
    assertThat(LockHooks.tryLock(l, 1)).isTrue();
    LockHooks.unlock(l, 1);
  }
}
