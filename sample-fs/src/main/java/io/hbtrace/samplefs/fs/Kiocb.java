package io.hbtrace.samplefs.fs;

import io.hbtrace.samplefs.inode.Inode;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * {@code struct kiocb}: one read or write request on {@link #inode} at {@link #pos} for {@link
 * #count} bytes. {@link #kiPos} advances as the request progresses (ki_pos); {@link #pos} and
 * {@link #count} keep what was asked. An {@link #async} request (AIO) is completed through {@link
 * #complete} ({@code ki_complete}), possibly on another thread; {@link #await} is {@code
 * io_getevents}.
 */
public final class Kiocb {
  public final Inode inode;
  public final long pos;
  public final long count;
  public final boolean async;
  public final IovIter iter;

  /** ki_pos. */
  public long kiPos;

  /** Set by ext4_dio_write_iter when the write extends the file (it reaches iomap through it). */
  public boolean extendingWrite;

  private final CompletableFuture<Long> completion = new CompletableFuture<>();

  public Kiocb(Inode inode, long pos, IovIter iter, boolean async) {
    this.inode = inode;
    this.pos = pos;
    this.count = iter.count();
    this.async = async;
    this.iter = iter;
    this.kiPos = pos;
  }

  /** {@code ki_complete} (aio_complete_rw): the asynchronous request finished with {@code res}. */
  public void complete(long res) {
    completion.complete(res);
  }

  /** The completion died in a crash: the waiting submitter gets the exception. */
  public void fail(RuntimeException e) {
    completion.completeExceptionally(e);
  }

  /** {@code io_getevents}: wait for {@link #complete} and return its result. */
  public long await() {
    boolean interrupted = false;
    try {
      for (; ; ) {
        try {
          return completion.get();
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          if (e.getCause() instanceof RuntimeException r) {
            throw r;
          }
          throw new IllegalStateException(e.getCause());
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
