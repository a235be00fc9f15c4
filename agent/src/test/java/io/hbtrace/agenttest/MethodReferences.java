package io.hbtrace.agenttest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Hooked methods called through method references, which the JDK calls from a class of its own:
 * bound ones taking no arguments ({@code lock::lock}, {@code latch::countDown}, {@code
 * thread::start}), an unbound one, and one that is not hooked ({@code lock::isLocked}).
 */
public final class MethodReferences {
  private MethodReferences() {}

  /** Returns 1 when every reference did what its method does. */
  public static int bound() throws InterruptedException {
    ReentrantLock lock = new ReentrantLock();
    Runnable take = (Runnable & Cloneable) lock::lock; // made by altMetafactory
    Runnable give = lock::unlock;
    Supplier<Boolean> locked = lock::isLocked;
    take.run();
    boolean held = locked.get();
    give.run();
    CountDownLatch latch = new CountDownLatch(1);
    Thread worker = new Thread(latch::countDown, "worker");
    Runnable start = worker::start;
    start.run();
    latch.await();
    worker.join();
    return held && !lock.isLocked() ? 1 : -1;
  }

  /**
   * A serializable reference to {@code lock}, serialized, read back and run: left as it is (its
   * deserialization checks the method it calls), so it runs, unrecorded. Returns 1 if it did.
   */
  public static int serializable() throws Exception {
    ReentrantLock lock = new ReentrantLock();
    Runnable take = (Runnable & Serializable) lock::lock;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(take);
    }
    Runnable back;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      back = (Runnable) in.readObject();
    }
    back.run(); // locks the copy of the lock that was serialized with it
    return 1;
  }

  /** {@code ReentrantLock::lock} as a consumer: called from the JDK's class, not recorded. */
  public static int unbound() {
    ReentrantLock lock = new ReentrantLock();
    java.util.function.Consumer<ReentrantLock> take = ReentrantLock::lock;
    take.accept(lock);
    boolean held = lock.isHeldByCurrentThread();
    lock.unlock();
    return held ? 1 : -1;
  }
}
