package io.hbtrace.agenttest;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/** One static method per synchronization idiom; each returns a value the test checks. */
public final class SyncPrograms {
  private static int counter;
  private final Object lock = new Object();
  private int value;

  private SyncPrograms() {}

  public static Object monitorBlock() {
    Object o = new Object();
    synchronized (o) {
      counter++;
    }
    return o;
  }

  /**
   * Blocks whose first statement is a loop: the loop's head is where the block's protected range
   * starts (the canonical {@code synchronized (m) { while (!ready) m.wait(); }} shape).
   */
  public static int loopsFirstInBlocks() {
    Object m = new Object();
    int n = 0;
    synchronized (m) {
      while (n < 3) {
        n++;
      }
    }
    synchronized (m) {
      do {
        n++;
      } while (n < 6);
    }
    synchronized (m) {
      for (; ; ) {
        if (++n >= 9) {
          break;
        }
      }
    }
    return n;
  }

  /** See {@link DeepMonitor#overflows()}. */
  public static int overflowsInBlocks() throws InterruptedException {
    return DeepMonitor.overflows();
  }

  public static int monitorBlockThrows() {
    Object o = new Object();
    try {
      synchronized (o) {
        throw new IllegalStateException("inside");
      }
    } catch (IllegalStateException e) {
      return 1;
    }
  }

  synchronized int add(int d) {
    value += d;
    return value;
  }

  synchronized void fail() {
    throw new IllegalArgumentException("fail");
  }

  static synchronized int staticAdd() {
    return ++counter;
  }

  public static int synchronizedMethods() {
    SyncPrograms p = new SyncPrograms();
    p.add(2);
    try {
      p.fail();
    } catch (IllegalArgumentException e) {
      // expected
    }
    staticAdd();
    return p.add(3);
  }

  public static int reentrantLock() throws Exception {
    ReentrantLock l = new ReentrantLock();
    l.lock();
    try {
      counter++;
    } finally {
      l.unlock();
    }
    if (l.tryLock()) {
      l.unlock();
    }
    // another thread holds it: tryLock fails and is not recorded
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread t =
        new Thread(
            () -> {
              l.lock();
              held.countDown();
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } finally {
                l.unlock();
              }
            },
            "holder");
    t.start();
    held.await();
    boolean got = l.tryLock(10, TimeUnit.MILLISECONDS);
    release.countDown();
    t.join();
    return got ? 1 : 0;
  }

  public static int readWriteLock() {
    ReentrantReadWriteLock rwl = new ReentrantReadWriteLock();
    rwl.readLock().lock();
    rwl.readLock().unlock();
    Lock w = rwl.writeLock();
    w.lock();
    w.unlock();
    return 2;
  }

  /** A ReadWriteLock that is not the JDK's: views are tied at the readLock()/writeLock() calls. */
  static final class CustomRwl implements ReadWriteLock {
    private final ReentrantLock r = new ReentrantLock();
    private final ReentrantLock w = new ReentrantLock();

    @Override
    public Lock readLock() {
      return r;
    }

    @Override
    public Lock writeLock() {
      return w;
    }
  }

  public static int customReadWriteLock() {
    ReadWriteLock rwl = new CustomRwl();
    Lock r = rwl.readLock();
    r.lock();
    r.unlock();
    Lock w = rwl.writeLock();
    w.lock();
    w.unlock();
    return 2;
  }

  public static int threads() throws Exception {
    int[] box = new int[1];
    Thread t = new Thread(() -> box[0] = 42, "child");
    t.start();
    t.join();
    Thread u = new Thread(() -> box[0]++, "timed");
    u.start();
    u.join(10_000);
    return box[0];
  }

  public static int executor() throws Exception {
    ExecutorService es = Executors.newSingleThreadExecutor(r -> new Thread(r, "worker"));
    try {
      Future<Integer> f = es.submit((Callable<Integer>) () -> 7);
      int v = f.get();
      Future<?> g = es.submit(() -> counter++);
      g.get(10, TimeUnit.SECONDS);
      CompletableFuture<Integer> cf = CompletableFuture.supplyAsync(() -> 5, es);
      return v + cf.join();
    } finally {
      es.shutdown();
    }
  }

  public static int latch() throws Exception {
    CountDownLatch l = new CountDownLatch(1);
    Thread t = new Thread(() -> l.countDown(), "counter");
    t.start();
    l.await();
    t.join();
    return 1;
  }

  public static int waitNotify() throws Exception {
    SyncPrograms p = new SyncPrograms();
    Thread t =
        new Thread(
            () -> {
              synchronized (p.lock) {
                p.value = 9;
                p.lock.notifyAll();
              }
            },
            "notifier");
    synchronized (p.lock) {
      t.start();
      while (p.value == 0) {
        p.lock.wait();
      }
    }
    t.join();
    return p.value;
  }

  public static int condition() throws Exception {
    ReentrantLock l = new ReentrantLock();
    Condition c = l.newCondition();
    int[] box = new int[1];
    Thread t =
        new Thread(
            () -> {
              l.lock();
              try {
                box[0] = 3;
                c.signalAll();
              } finally {
                l.unlock();
              }
            },
            "signaller");
    l.lock();
    try {
      t.start();
      while (box[0] == 0) {
        c.await();
      }
    } finally {
      l.unlock();
    }
    t.join();
    return box[0];
  }

  public static int park() throws Exception {
    Thread main = Thread.currentThread();
    int[] box = new int[1];
    Thread t =
        new Thread(
            () -> {
              box[0] = 1;
              LockSupport.unpark(main);
            },
            "unparker");
    t.start();
    while (box[0] == 0) {
      LockSupport.parkNanos(1_000_000);
    }
    t.join();
    return box[0];
  }
}
