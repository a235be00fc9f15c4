package io.hbtrace.samplefs.variant;

import io.hbtrace.samplefs.dio.InodeExtension;
import io.hbtrace.samplefs.fs.Kiocb;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Test seam: wraps a variant and, for the write at {@link #pausePos}, stops the writer right after
 * {@code iomap_dio_rw} returned (after the post-IO invalidation) until the test releases it.
 */
public final class PausingVariant implements Variant {
  private final Variant delegate;
  private final long pausePos;

  /** Counted down when the writer reached the pause point. */
  public final CountDownLatch paused = new CountDownLatch(1);

  /** The test counts this down to let the writer go on. */
  public final CountDownLatch release = new CountDownLatch(1);

  public PausingVariant(Variant delegate, long pausePos) {
    this.delegate = delegate;
    this.pausePos = pausePos;
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public String summary() {
    return delegate.summary();
  }

  @Override
  public int endIo(InodeExtension ext, Kiocb iocb, long size, int error) {
    return delegate.endIo(ext, iocb, size, error);
  }

  @Override
  public long afterDio(InodeExtension ext, Kiocb iocb, long written) {
    if (iocb.pos == pausePos) {
      paused.countDown();
      try {
        if (!release.await(30, TimeUnit.SECONDS)) {
          throw new IllegalStateException("test never released the writer");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return delegate.afterDio(ext, iocb, written);
  }

  @Override
  public boolean orphanAddBeforeIo() {
    return delegate.orphanAddBeforeIo();
  }

  @Override
  public void afterBlocksAllocated(InodeExtension ext, Kiocb iocb) {
    delegate.afterBlocksAllocated(ext, iocb);
  }

  @Override
  public boolean forceWaitExtendingAio() {
    return delegate.forceWaitExtendingAio();
  }
}
