package io.hbtrace.samplefs.dio;

import io.hbtrace.samplefs.fs.Kiocb;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * {@code struct iomap_dio}: one direct IO in flight. The submitter holds one reference and each bio
 * another; whoever drops the last one completes it ({@code iomap_dio_bio_end_io}).
 */
public final class Dio {
  /** IOMAP_DIO_WRITE. */
  public static final int WRITE = 1;

  /** IOMAP_DIO_UNWRITTEN: some blocks were unwritten extents, end_io must convert them. */
  public static final int UNWRITTEN = 2;

  public final Kiocb iocb;

  /** dio->i_size: i_size when the IO started. */
  public final long iSize;

  /** dio->ref. */
  final AtomicInteger ref = new AtomicInteger(1);

  /** dio->flags. */
  public int flags = WRITE;

  /** dio->size: bytes submitted. */
  public long size;

  /** dio->error: first error, 0 if none. */
  public volatile int error;

  /** The actor stopped short (SHORT_WRITE fault): no further iomap iteration. */
  boolean stopped;

  /** dio->wait_for_completion: set before the submitter drops its reference. */
  boolean waitForCompletion;

  /** dio->submit.waiter: the waiting submitter is woken through it. */
  final CountDownLatch submitWaiter = new CountDownLatch(1);

  Dio(Kiocb iocb, long iSize) {
    this.iocb = iocb;
    this.iSize = iSize;
  }

  private static final AtomicIntegerFieldUpdater<Dio> ERROR =
      AtomicIntegerFieldUpdater.newUpdater(Dio.class, "error");

  /** {@code iomap_dio_set_error}: keep the first error ({@code cmpxchg(&dio->error, 0, ret)}). */
  void setError(int err) {
    ERROR.compareAndSet(this, 0, err);
  }
}
