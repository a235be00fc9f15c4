package io.hbtrace.agenttest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.StampedLock;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * Hooked methods called through method references, which the JDK calls from a class of its own:
 * bound ones taking no arguments ({@code lock::lock}, {@code latch::countDown}, {@code
 * thread::start}), unbound ones, ones taking arguments, one whose hook's result is cast back, and
 * one that is not hooked ({@code lock::isLocked}).
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

  /** {@code ReentrantLock::lock} and {@code Lock::unlock} as consumers; returns 1 if held. */
  public static int unbound() {
    ReentrantLock lock = new ReentrantLock();
    Consumer<ReentrantLock> take = ReentrantLock::lock;
    Consumer<Lock> give = Lock::unlock;
    take.accept(lock);
    boolean held = lock.isHeldByCurrentThread();
    give.accept(lock);
    return held && !lock.isLocked() ? 1 : -1;
  }

  /** A latch's timed await, as a method of the program's own interface. */
  private interface TimedWait {
    boolean await(long time, TimeUnit unit) throws InterruptedException;
  }

  /**
   * References taking arguments: a StampedLock's {@code unlockWrite} given its stamp, a latch's
   * timed {@code await} (counted down by a thread started through {@code Thread::start} as a
   * consumer). Returns 1 when each did what its method does.
   */
  public static int withArguments() throws InterruptedException {
    StampedLock l = new StampedLock();
    LongConsumer unlock = l::unlockWrite;
    unlock.accept(l.writeLock());
    CountDownLatch latch = new CountDownLatch(1);
    TimedWait wait = latch::await;
    List<Thread> workers = List.of(new Thread(latch::countDown, "worker"));
    workers.forEach(Thread::start);
    boolean counted = wait.await(1, TimeUnit.MINUTES);
    workers.get(0).join();
    return counted && !l.isWriteLocked() ? 1 : -1;
  }

  /**
   * Tasks on a pool mark what they did; the main thread joins their futures through {@code
   * CompletableFuture::join} in a stream, then marks them again. Returns the tasks' sum.
   */
  public static int joinedInAStream() {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<CompletableFuture<Integer>> futures = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      int n = i;
      futures.add(CompletableFuture.supplyAsync(() -> marked(n), pool));
    }
    int sum = futures.stream().map(CompletableFuture::join).mapToInt(Integer::intValue).sum();
    for (Object m : MARKS) {
      mark(m);
    }
    pool.shutdown();
    return sum;
  }

  private static final Object[] MARKS = {new Object(), new Object(), new Object(), new Object()};
  private static int entered;

  private static void mark(Object o) {
    synchronized (o) {
      entered++;
    }
  }

  private static int marked(int n) {
    mark(MARKS[n - 1]);
    return n;
  }

  /**
   * {@code CompletableFuture::thenApply} as a function of the future and the step (its hook takes
   * and returns a CompletionStage: the result is cast back). Returns the step's result.
   */
  public static int widened() {
    BiFunction<CompletableFuture<Integer>, Function<Integer, Integer>, CompletableFuture<Integer>>
        then = CompletableFuture::thenApply;
    return then.apply(CompletableFuture.supplyAsync(() -> 20), v -> v + 1).join();
  }

  /** A default method making a reference: the method the reference is given is the interface's. */
  private interface Locking {
    default void withLock(ReentrantLock l, Runnable r) {
      Consumer<Lock> take = Lock::lock;
      take.accept(l);
      try {
        r.run();
      } finally {
        l.unlock();
      }
    }
  }

  /** Runs under a lock taken through a reference made in an interface; returns 1 if freed. */
  public static int inAnInterface() {
    ReentrantLock l = new ReentrantLock();
    new Locking() {}.withLock(l, () -> {});
    return l.isLocked() ? -1 : 1;
  }

  /**
   * Bound references whose receiver is declared as a subtype of the method's class ({@code
   * service::execute} for {@code Executor.execute}, {@code queue::poll} for {@code Queue.poll}, a
   * lock subclass's {@code this::lock}). Returns what the queue gave back.
   */
  public static String boundToASubtype() throws InterruptedException {
    ExecutorService service = Executors.newSingleThreadExecutor();
    BlockingQueue<String> queue = new LinkedBlockingQueue<>();
    Consumer<Runnable> execute = service::execute;
    execute.accept(() -> queue.add("ran"));
    Supplier<String> poll = queue::poll;
    String got = null;
    while (got == null) {
      got = poll.get();
    }
    service.shutdown();
    new OwnLock().locked();
    return got;
  }

  /** A lock of the program's own, locking itself through a reference. */
  private static final class OwnLock extends ReentrantLock {
    void locked() {
      Runnable take = this::lock;
      take.run();
      unlock();
    }
  }
}
