package io.hbtrace.samplefs.dio;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code sb->s_dio_done_wq}: the workqueue on which the completion of a direct write that nobody
 * waits for (AIO) runs, with no inode lock held. Created on first use ({@code
 * sb_init_dio_done_wq}); its threads are {@code dio-wq-0}, {@code dio-wq-1}.
 */
public final class DioWorkqueue implements AutoCloseable {
  private static final int WORKERS = 2;
  private final ReentrantLock initLock = new ReentrantLock();
  private volatile ExecutorService executor;

  /** {@code sb_init_dio_done_wq}. */
  void ensure() {
    initLock.lock();
    try {
      if (executor != null) {
        return;
      }
      AtomicInteger n = new AtomicInteger();
      ThreadFactory names =
          r -> {
            Thread t = new Thread(r, "dio-wq-" + n.getAndIncrement());
            t.setDaemon(true);
            return t;
          };
      executor =
          new ThreadPoolExecutor(
              WORKERS, WORKERS, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), names);
    } finally {
      initLock.unlock();
    }
  }

  /** {@code queue_work(s_dio_done_wq, work)}. */
  void queueWork(Runnable work) {
    executor.execute(work);
  }

  @Override
  public void close() {
    ExecutorService e;
    initLock.lock();
    try {
      e = executor;
      executor = null;
    } finally {
      initLock.unlock();
    }
    if (e != null) {
      e.shutdown();
      try {
        e.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
