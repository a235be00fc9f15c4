package io.hbtrace.samplefs.journal;

import io.hbtrace.samplefs.block.BlockDevice;
import io.hbtrace.samplefs.block.PreciseWait;
import io.hbtrace.samplefs.fault.CrashPoints;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code journal_t}: starts handles, commits them, and keeps the circular log from overflowing.
 *
 * <p>{@link #jStateLock} stands for {@code j_state_lock}. A commit holds it from start to end (the
 * transaction is locked), so a handle starting meanwhile waits for the committing transaction, as
 * {@code start_this_handle} waits in {@code wait_transaction_locked}.
 *
 * <p>Log space: each commit takes a descriptor block, one block per distinct metadata block it
 * journals, and a commit block. When a starting handle finds less than {@link #HANDLE_CREDITS}
 * blocks free, it checkpoints first ({@code __jbd2_log_wait_for_space} → {@code
 * jbd2_log_do_checkpoint}): every metadata block journaled since the last checkpoint is written to
 * its home location, then the journal superblock, after which the whole log is free. The model
 * keeps metadata in {@link DurableMetadata} already, so a checkpoint only takes the time of those
 * writes on the device ({@link BlockDevice#serviceNanos}) — no time at all with no device latency.
 */
public final class Journal {
  /** Log blocks a handle reserves at start (EXT4_HT_INODE / map-blocks credits, rounded). */
  public static final int HANDLE_CREDITS = 8;

  /** Smallest log accepted (jbd2 refuses logs under 1024 blocks; the model allows small ones). */
  public static final int MIN_LOG_BLOCKS = 32;

  /** j_state_lock: held by each commit and checkpoint, taken by each handle start. */
  public final ReentrantLock jStateLock = new ReentrantLock();

  private final AtomicLong nextTid = new AtomicLong(1);
  private final DurableMetadata durable;
  private final CrashPoints crashPoints;
  private final int logBlocks;
  private final BlockDevice device;
  private final Set<String> checkpointList = new HashSet<>();
  private int logUsed;
  private long running;
  private long checkpoints;

  public Journal(
      DurableMetadata durable, CrashPoints crashPoints, int logBlocks, BlockDevice device) {
    this.durable = durable;
    this.crashPoints = crashPoints;
    this.logBlocks = logBlocks;
    this.device = device;
  }

  /** {@code ext4_journal_start(inode, type, credits)}: a new handle for changes to {@code ino}. */
  public Handle start(long ino) {
    Handle handle = new Handle(nextTid.getAndIncrement(), ino);
    startThisHandle(handle);
    return handle;
  }

  /**
   * {@code start_this_handle}: join the running transaction, waiting while one is being committed
   * or while the log has to be checkpointed to make room.
   */
  void startThisHandle(Handle handle) {
    jStateLock.lock();
    try {
      if (logBlocks - logUsed < HANDLE_CREDITS) {
        doCheckpoint();
      }
      running++;
    } finally {
      jStateLock.unlock();
    }
  }

  /**
   * {@code jbd2_log_do_checkpoint} + {@code jbd2_cleanup_journal_tail}: write the journaled
   * metadata blocks home and free the log. jStateLock held.
   */
  void doCheckpoint() {
    long nanos = device.serviceNanos(checkpointList.size() + 1);
    if (nanos > 0) {
      PreciseWait.until(System.nanoTime() + nanos);
    }
    checkpointList.clear();
    logUsed = 0;
    checkpoints++;
  }

  /** {@code ext4_journal_stop}: in this model the handle's transaction commits now. */
  public void stop(Handle handle) {
    commitTransaction(handle);
  }

  /**
   * {@code jbd2_journal_commit_transaction}: the handle's records become durable atomically. A
   * crash point: a crash here keeps none of them.
   */
  /**
   * The commit block reaches the log ({@code jbd2_journal_commit_transaction} writing the commit
   * record): from here the handle's metadata changes survive a crash. j_state_lock held, so commits
   * are ordered exactly against one another.
   */
  void writeCommitBlock(Handle handle) {
    durable.apply(handle.records);
  }

  void commitTransaction(Handle handle) {
    jStateLock.lock();
    try {
      running--;
      crashPoints.step(CrashPoints.STEP_COMMIT);
      writeCommitBlock(handle);
      Set<String> blocks = new HashSet<>();
      for (MetadataRecord r : handle.records) {
        blocks.add(r.metadataBlock());
      }
      logUsed = Math.min(logBlocks, logUsed + blocks.size() + 2);
      checkpointList.addAll(blocks);
    } finally {
      jStateLock.unlock();
    }
  }

  public DurableMetadata durable() {
    return durable;
  }

  /** How many checkpoints the log needed so far. */
  public long checkpoints() {
    jStateLock.lock();
    try {
      return checkpoints;
    } finally {
      jStateLock.unlock();
    }
  }
}
