package io.hbtrace.samplefs.block;

import io.hbtrace.samplefs.Errno;
import io.hbtrace.samplefs.fault.CrashException;
import io.hbtrace.samplefs.fault.CrashPoints;
import io.hbtrace.samplefs.fault.FaultInjector;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The block device (a {@code struct block_device} with its driver): media held in memory, one array
 * per block, allocated on first write; blocks never written read as zeros.
 *
 * <p>{@link #submitBio} stands for {@code submit_bio}. The data moves when the bio is submitted
 * (the DMA); a write is durable from then on (no volatile write cache), which makes each one a
 * crash point. The bio's end_io runs inline for {@link LatencyProfile#NONE}, else on the {@code
 * blkdev-irq} thread once the profile's delay has passed.
 */
public final class BlockDevice implements AutoCloseable {
  public final int blockSize;
  public final long nrBlocks;
  public final LatencyProfile latency;
  private final AtomicReferenceArray<byte[]> media;
  private final CrashPoints crashPoints;
  private final FaultInjector faults;
  private final LinkedBlockingQueue<Bio> completionQueue = new LinkedBlockingQueue<>();
  private final Bio stop = new Bio(Bio.REQ_OP_READ, 0, 0, 0, 0, null, 0, b -> {});
  private final ReentrantLock irqLock = new ReentrantLock();
  private volatile Thread irqThread;

  public BlockDevice(
      int blockSize,
      long nrBlocks,
      LatencyProfile latency,
      CrashPoints crashPoints,
      FaultInjector faults) {
    this.blockSize = blockSize;
    this.nrBlocks = nrBlocks;
    this.latency = latency;
    this.media = new AtomicReferenceArray<>(Math.toIntExact(nrBlocks));
    this.crashPoints = crashPoints;
    this.faults = faults;
  }

  /** {@code submit_bio}: transfer the data now, complete the bio after the profile's delay. */
  public void submitBio(Bio bio) {
    switch (bio.op) {
      case Bio.REQ_OP_READ -> readData(bio);
      case Bio.REQ_OP_WRITE -> writeData(bio);
      case Bio.REQ_OP_WRITE_ZEROES -> writeZeroes(bio);
      default -> throw new IllegalArgumentException("bio op " + bio.op);
    }
    if (!latency.completesOnDeviceThread) {
      bio.endIo.endIo(bio);
      return;
    }
    bio.deadlineNanos = System.nanoTime() + latencyNanos();
    startIrqThread();
    completionQueue.add(bio);
  }

  /**
   * How long {@code ios} writes take on this device, each with its own latency from the profile.
   */
  public long serviceNanos(int ios) {
    long total = 0;
    for (int i = 0; i < ios; i++) {
      total += latencyNanos();
    }
    return total;
  }

  private long latencyNanos() {
    long delay = latency.minNanos;
    if (latency.maxNanos > latency.minNanos) {
      delay += ThreadLocalRandom.current().nextLong(latency.maxNanos - latency.minNanos);
    }
    return delay;
  }

  /** Submits a bio whose end_io only wakes this thread, and waits for it: returns its status. */
  public int submitBioWait(
      int op, long ino, long filePos, int length, long deviceOffset, byte[] buf, int bufOff) {
    CountDownLatch done = new CountDownLatch(1);
    Bio bio = new Bio(op, ino, filePos, length, deviceOffset, buf, bufOff, b -> done.countDown());
    submitBio(bio);
    awaitUninterruptibly(done);
    return bio.status;
  }

  /** The device writes file data of a bio to the media (DMA from memory). */
  void writeData(Bio bio) {
    crashPoints.step(CrashPoints.STEP_DEVICE_WRITE);
    int fault = bio.direct ? FaultInjector.IO_ERROR : FaultInjector.WRITEBACK_IO_ERROR;
    if (faults.shouldFail(fault, bio.ino, bio.filePos)) {
      bio.status = Errno.EIO;
      return;
    }
    copyToMedia(bio.deviceOffset, bio.buffer, bio.bufferOffset, bio.length);
  }

  /** The device zeroes a range of the media (a partial block around a direct write). */
  void writeZeroes(Bio bio) {
    crashPoints.step(CrashPoints.STEP_DEVICE_WRITE);
    copyToMedia(bio.deviceOffset, new byte[bio.length], 0, bio.length);
  }

  /** The device reads a range of the media into the bio's buffer. */
  void readData(Bio bio) {
    long off = bio.deviceOffset;
    int done = 0;
    while (done < bio.length) {
      int blk = (int) (off / blockSize);
      int inBlock = (int) (off % blockSize);
      int n = Math.min(blockSize - inBlock, bio.length - done);
      byte[] data = media.get(blk);
      if (data == null) {
        Arrays.fill(bio.buffer, bio.bufferOffset + done, bio.bufferOffset + done + n, (byte) 0);
      } else {
        System.arraycopy(data, inBlock, bio.buffer, bio.bufferOffset + done, n);
      }
      done += n;
      off += n;
    }
  }

  private void copyToMedia(long off, byte[] src, int srcOff, int length) {
    int done = 0;
    while (done < length) {
      int blk = (int) (off / blockSize);
      int inBlock = (int) (off % blockSize);
      int n = Math.min(blockSize - inBlock, length - done);
      byte[] data = media.get(blk);
      if (data == null) {
        // Publish a filled array: a reader that sees the reference sees its contents.
        byte[] fresh = new byte[blockSize];
        System.arraycopy(src, srcOff + done, fresh, inBlock, n);
        if (!media.compareAndSet(blk, null, fresh)) {
          System.arraycopy(src, srcOff + done, media.get(blk), inBlock, n);
        }
      } else {
        System.arraycopy(src, srcOff + done, data, inBlock, n);
      }
      done += n;
      off += n;
    }
  }

  /** A copy of the media as it is now: the device half of a crash snapshot. */
  public byte[][] copyMedia() {
    byte[][] copy = new byte[media.length()][];
    for (int i = 0; i < copy.length; i++) {
      byte[] data = media.get(i);
      copy[i] = data == null ? null : data.clone();
    }
    return copy;
  }

  /** Replaces the media with a snapshot taken by {@link #copyMedia} (mounting a crashed image). */
  public void restoreMedia(byte[][] image) {
    for (int i = 0; i < image.length; i++) {
      media.set(i, image[i] == null ? null : image[i].clone());
    }
  }

  private void startIrqThread() {
    if (irqThread != null) {
      return;
    }
    irqLock.lock();
    try {
      if (irqThread == null) {
        Thread t = new Thread(this::irqLoop, "blkdev-irq");
        t.setDaemon(true);
        t.start();
        irqThread = t;
      }
    } finally {
      irqLock.unlock();
    }
  }

  /** The device's interrupt handler: completes bios in submission order at their deadlines. */
  private void irqLoop() {
    for (; ; ) {
      Bio bio;
      try {
        bio = completionQueue.take();
      } catch (InterruptedException e) {
        return;
      }
      if (bio == stop) {
        return;
      }
      PreciseWait.until(bio.deadlineNanos);
      try {
        completeBio(bio);
      } catch (CrashException e) {
        // A completion in a crashed file system: the interrupt handler itself lives on.
      }
    }
  }

  /** {@code bio_endio}: the device has finished the bio. */
  void completeBio(Bio bio) {
    bio.endIo.endIo(bio);
  }

  static void awaitUninterruptibly(CountDownLatch latch) {
    boolean interrupted = false;
    for (; ; ) {
      try {
        latch.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    Thread t;
    irqLock.lock();
    try {
      t = irqThread;
      irqThread = null;
    } finally {
      irqLock.unlock();
    }
    if (t != null) {
      completionQueue.add(stop);
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
