package io.hbtrace.analyzer.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.traces.event.Event;
import io.hbtrace.traces.event.LockAcquire;
import io.hbtrace.traces.event.LockMode;
import io.hbtrace.traces.event.LockRelease;
import io.hbtrace.traces.event.SizeUpdate;
import org.junit.jupiter.api.Test;

class ClocksTest {
  private final TracedObjects objects = new TracedObjects();
  private final Clocks clocks = new Clocks(objects);
  private long seq;

  @Test
  void aLockReleasedBeforeTheResetTeachesNothingAfterIt() {
    for (int i = 0; i < 3; i++) { // thread 1 is the first logical thread, several intervals on
      apply(new LockAcquire(seq++, 1, 0, 5, LockMode.EXCLUSIVE));
      apply(new LockRelease(seq++, 1, 0, 5, LockMode.EXCLUSIVE));
    }
    clocks.reset();
    Occurrence x = apply(new SizeUpdate(seq++, 3, 0, 12, 0, 1)); // now the first logical thread
    apply(new LockAcquire(seq++, 2, 0, 5, LockMode.EXCLUSIVE));
    Occurrence y = apply(new SizeUpdate(seq++, 2, 0, 12, 1, 2));

    assertThat(x.observedBefore(y)).isFalse();
    assertThat(x.mustPrecede(y)).isFalse();
  }

  @Test
  void aLockReleasedInTheSameScopeOrdersItsNextAcquire() {
    Occurrence x = apply(new SizeUpdate(seq++, 1, 0, 12, 0, 1));
    apply(new LockAcquire(seq++, 1, 0, 5, LockMode.EXCLUSIVE));
    apply(new LockRelease(seq++, 1, 0, 5, LockMode.EXCLUSIVE));
    apply(new LockAcquire(seq++, 2, 0, 5, LockMode.EXCLUSIVE));
    Occurrence y = apply(new SizeUpdate(seq++, 2, 0, 12, 1, 2));

    assertThat(x.observedBefore(y)).isTrue();
    assertThat(x.mustPrecede(y)).isTrue();
  }

  /** Applies an acquire-type or non-synchronization event and stamps it in both relations. */
  private Occurrence apply(Event e) {
    clocks.apply(e, e.kind());
    return Occurrence.of(e, clocks);
  }
}
