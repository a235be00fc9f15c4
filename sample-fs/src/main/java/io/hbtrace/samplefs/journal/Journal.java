package io.hbtrace.samplefs.journal;

import io.hbtrace.samplefs.block.PreciseWait;
import io.hbtrace.samplefs.fault.CrashPoints;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code journal_t}: starts handles and commits them.
 *
 * <p>{@link #jStateLock} stands for {@code j_state_lock}. A commit holds it from start to end (the
 * transaction is locked), so a handle starting meanwhile waits for the committing transaction, as
 * {@code start_this_handle} waits in {@code wait_transaction_locked}. The optional start latency
 * ({@code --journal-latency}) models that wait when the journal is busier than this model makes it
 * (a commit writing to a slow device, or a checkpoint to free log space).
 */
public final class Journal {
  /** j_state_lock: held by each commit, taken by each handle start. */
  public final ReentrantLock jStateLock = new ReentrantLock();

  private final AtomicLong nextTid = new AtomicLong(1);
  private final DurableMetadata durable;
  private final CrashPoints crashPoints;
  private final long startLatencyNanos;
  private long running;

  public Journal(DurableMetadata durable, CrashPoints crashPoints, long startLatencyNanos) {
    this.durable = durable;
    this.crashPoints = crashPoints;
    this.startLatencyNanos = startLatencyNanos;
  }

  /** {@code ext4_journal_start(inode, type, credits)}: a new handle for changes to {@code ino}. */
  public Handle start(long ino) {
    Handle handle = new Handle(nextTid.getAndIncrement(), ino);
    startThisHandle(handle);
    return handle;
  }

  /**
   * {@code start_this_handle}: join the running transaction, waiting while one is being committed.
   */
  void startThisHandle(Handle handle) {
    if (startLatencyNanos > 0) {
      PreciseWait.until(System.nanoTime() + startLatencyNanos);
    }
    jStateLock.lock();
    try {
      running++;
    } finally {
      jStateLock.unlock();
    }
  }

  /** {@code ext4_journal_stop}: in this model the handle's transaction commits now. */
  public void stop(Handle handle) {
    commitTransaction(handle);
  }

  /**
   * {@code jbd2_journal_commit_transaction}: the handle's records become durable atomically. A
   * crash point: a crash here keeps none of them.
   */
  void commitTransaction(Handle handle) {
    jStateLock.lock();
    try {
      running--;
      crashPoints.step(CrashPoints.STEP_COMMIT);
      durable.apply(handle.records);
    } finally {
      jStateLock.unlock();
    }
  }

  public DurableMetadata durable() {
    return durable;
  }
}
