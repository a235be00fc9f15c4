package io.hbtrace.analyzer.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.traces.event.Event;
import io.hbtrace.traces.event.Handoff;
import io.hbtrace.traces.event.HandoffReceive;
import io.hbtrace.traces.event.HandoffSend;
import io.hbtrace.traces.event.LockAcquire;
import io.hbtrace.traces.event.LockMode;
import io.hbtrace.traces.event.LockRelease;
import io.hbtrace.traces.event.SizeUpdate;
import io.hbtrace.traces.event.VolatileRead;
import io.hbtrace.traces.event.VolatileWrite;
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

  @Test
  void aReadOfAValueALaterWriteReplacedLearnsFromTheWriteThatStoredIt() {
    Occurrence x = apply(new SizeUpdate(seq++, 1, 0, 12, 0, 1));
    apply(new VolatileWrite(seq++, 1, 0, 3, 9, 5));
    Occurrence z = apply(new SizeUpdate(seq++, 2, 0, 12, 1, 2));
    apply(new VolatileWrite(seq++, 2, 0, 3, 9, 6)); // unordered with thread 1's write
    apply(new VolatileRead(seq++, 3, 0, 3, 9, 5)); // the value thread 1 stored
    Occurrence y = apply(new SizeUpdate(seq++, 3, 0, 12, 2, 3));

    assertThat(x.observedBefore(y)).isTrue();
    assertThat(z.observedBefore(y)).isFalse();
    assertThat(x.mustPrecede(y)).isFalse(); // volatile reads order nothing in the must-order
  }

  /**
   * An element's hand-off is apart from the object's own: putting a future is not completing it.
   */
  @Test
  void anElementsHandoffIsApartFromTheObjectsOwn() {
    Occurrence x = apply(new SizeUpdate(seq++, 1, 0, 12, 0, 1));
    apply(new HandoffSend(seq++, 1, 0, 9, Handoff.ELEMENT)); // put into a map
    apply(new HandoffReceive(seq++, 2, 0, 9, Handoff.FUTURE)); // joined as a future
    Occurrence y = apply(new SizeUpdate(seq++, 2, 0, 12, 1, 2));
    apply(new HandoffReceive(seq++, 3, 0, 9, Handoff.ELEMENT)); // taken back from the map
    Occurrence z = apply(new SizeUpdate(seq++, 3, 0, 12, 2, 3));

    assertThat(x.observedBefore(y)).isFalse();
    assertThat(x.observedBefore(z)).isTrue();
    objects.remove(9); // its OBJECT_FREE takes the element's channel too
    assertThat(objects.size()).isZero();
  }

  @Test
  void aVolatileFieldIsKeptPerObjectAndField() {
    Occurrence x = apply(new SizeUpdate(seq++, 1, 0, 12, 0, 1));
    apply(new VolatileWrite(seq++, 1, 0, 3, 9, 5));
    apply(new VolatileRead(seq++, 2, 0, 4, 9, 5)); // another field of the same object
    apply(new VolatileRead(seq++, 2, 0, 3, 10, 5)); // the same field of another object
    Occurrence y = apply(new SizeUpdate(seq++, 2, 0, 12, 1, 2));
    apply(new VolatileRead(seq++, 2, 0, 3, 9, 5));
    Occurrence w = apply(new SizeUpdate(seq++, 2, 0, 12, 2, 3));

    assertThat(x.observedBefore(y)).isFalse();
    assertThat(x.observedBefore(w)).isTrue();
  }

  @Test
  void aFreedObjectTakesItsVolatileFieldsWithIt() {
    for (long object = 100; object < 10_100; object++) {
      apply(new VolatileWrite(seq++, 1, 0, 3, object, 1));
      objects.remove(object); // its OBJECT_FREE
    }
    assertThat(objects.size()).isZero();

    apply(new VolatileWrite(seq++, 1, 0, 3, 9, 5));
    objects.remove(9);
    Occurrence x = apply(new SizeUpdate(seq++, 1, 0, 12, 0, 1));
    apply(new VolatileRead(seq++, 2, 0, 3, 9, 5)); // a new object that reuses nothing
    Occurrence y = apply(new SizeUpdate(seq++, 2, 0, 12, 1, 2));
    assertThat(x.observedBefore(y)).isFalse();
  }

  /** Applies an acquire-type or non-synchronization event and stamps it in both relations. */
  private Occurrence apply(Event e) {
    clocks.apply(e, e.kind(), e.thread());
    return Occurrence.of(e, clocks);
  }
}
