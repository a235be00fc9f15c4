package io.hbtrace.samplefs.workload;

import io.hbtrace.samplefs.fault.FaultInjector;
import io.hbtrace.samplefs.fs.FileSystem;
import io.hbtrace.samplefs.fs.FsConfig;
import io.hbtrace.samplefs.fs.OpenFile;
import io.hbtrace.samplefs.fs.Vfs;
import io.hbtrace.samplefs.inode.Inode;
import io.hbtrace.samplefs.variant.Variant;
import io.hbtrace.samplefs.variant.VariantRegistry;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * xfstests' {@code src/dio-invalidate-cache.c} as threads: the parent creates and truncates the
 * file, optionally ftruncates ({@code -t}), preallocates ({@code -p}) or fills ({@code -F}) the
 * children's range, fsyncs, then starts {@code -n} children. Child {@code i} owns the block at
 * {@code offset + i × blksz}; in iteration {@code j} it fills a buffer with byte {@code j+1},
 * writes it (O_DIRECT with {@code -w}, else buffered then fsync), reads it back (O_DIRECT with
 * {@code -r}) and compares; it stops at its first mismatch.
 *
 * <p>Each run mounts a fresh file system. A failed comparison prints one line like the helper's;
 * the last line is {@code runs=N failed=M}, M counting runs with at least one failed comparison.
 */
public final class DioInvalidateCache {
  private final DioInvalidateCacheOptions opts;
  private final PrintWriter out;
  private final Supplier<Variant> variant;

  public DioInvalidateCache(DioInvalidateCacheOptions opts, PrintWriter out) {
    this(opts, out, () -> VariantRegistry.byName(opts.variant()));
  }

  /** With a variant supplier of the caller's (one variant instance per run). */
  public DioInvalidateCache(
      DioInvalidateCacheOptions opts, PrintWriter out, Supplier<Variant> variant) {
    this.opts = opts;
    this.out = out;
    this.variant = variant;
  }

  /** All runs, then the summary line; returns the number of runs with a failed comparison. */
  public int run() {
    int failedRuns = runQuietly();
    out.println("runs=" + opts.repeat() + " failed=" + failedRuns);
    out.flush();
    return failedRuns;
  }

  /** All runs, printing only the failure lines; returns the runs with a failed comparison. */
  public int runQuietly() {
    int failedRuns = 0;
    for (int run = 0; run < opts.repeat(); run++) {
      if (runOnce(run) > 0) {
        failedRuns++;
      }
    }
    return failedRuns;
  }

  /** One run on a fresh file system; returns the number of failed comparisons. */
  public int runOnce(int run) {
    FsConfig config =
        FsConfig.of(variant.get(), opts.effectiveFsBlockSize())
            .withPageSize(opts.pageSize())
            .withLatency(opts.latency())
            .withJournalBlocks(opts.journalBlocks())
            .withExtensionStallNanos(opts.extensionStallNanos());
    if (opts.faultRate() > 0
        || opts.invalidationFailureRate() > 0
        || opts.writebackErrorRate() > 0) {
      double r = opts.faultRate();
      config =
          config.withFaults(
              FaultInjector.seeded(
                  opts.seed() * 1_000_003L + run,
                  r,
                  r,
                  r,
                  opts.invalidationFailureRate(),
                  opts.writebackErrorRate()));
    }
    FileSystem fs = FileSystem.mkfsAndMount(config);
    try {
      WorkloadOps ops = new WorkloadOps(new Vfs(fs));
      OpenFile file = setup(ops);
      List<Child> children = new ArrayList<>();
      List<Thread> threads = new ArrayList<>();
      CountDownLatch startGate = new CountDownLatch(opts.children());
      for (int i = 0; i < opts.children(); i++) {
        Child child = new Child(ops, file.inode, i, startGate);
        children.add(child);
        threads.add(childThread(child, i));
      }
      for (Thread t : threads) {
        t.start();
      }
      joinAll(threads);
      int failed = 0;
      for (Child child : children) {
        if (child.failure != null) {
          out.println((opts.repeat() > 1 ? "run " + run + ": " : "") + child.failure);
          failed++;
        }
      }
      fs.putSuper();
      return failed;
    } finally {
      fs.close();
    }
  }

  /** The parent: create and truncate the file, set up the children's range, fsync. */
  private OpenFile setup(WorkloadOps ops) {
    Vfs vfs = ops.vfs();
    OpenFile file = vfs.create(false);
    long total = (long) opts.blockSize() * opts.children();
    ops.syscall(WorkloadOps.SETUP, file, 0, 0, null);
    if (opts.truncate()) {
      ops.syscall(WorkloadOps.TRUNCATE, file, total, 0, null);
    }
    if (opts.prealloc()) {
      ops.syscall(WorkloadOps.FALLOCATE, file, 0, total, null);
    }
    if (opts.fill()) {
      byte[] fill = new byte[(int) total];
      Arrays.fill(fill, (byte) 's');
      ops.syscall(WorkloadOps.WRITE, file, 0, total, fill);
    }
    ops.syscall(WorkloadOps.FSYNC, file, 0, 0, null);
    return file;
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
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

  private static void joinAll(List<Thread> threads) {
    boolean interrupted = false;
    for (Thread t : threads) {
      for (; ; ) {
        try {
          t.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** One child process of the helper. */
  final class Child implements Runnable {
    private final WorkloadOps ops;
    private final Inode inode;
    private final int id;
    private final long offset;
    private int iteration;
    private String failure;
    private final CountDownLatch startGate;

    Child(WorkloadOps ops, Inode inode, int id, CountDownLatch startGate) {
      this.startGate = startGate;
      this.ops = ops;
      this.inode = inode;
      this.id = id;
      this.offset = opts.offset() + (long) id * opts.blockSize();
    }

    @Override
    public void run() {
      Vfs vfs = ops.vfs();
      OpenFile writer = vfs.open(inode, opts.writeDirect());
      OpenFile reader = vfs.open(inode, opts.readDirect());
      startGate.countDown();
      awaitUninterruptibly(startGate);
      int bs = opts.blockSize();
      byte[] wbuf = new byte[bs];
      byte[] rbuf = new byte[bs];
      for (iteration = 0; iteration < opts.iterations(); iteration++) {
        byte expected = (byte) (iteration + 1);
        Arrays.fill(wbuf, expected);
        long w = ops.syscall(WorkloadOps.WRITE, writer, offset, bs, wbuf);
        if (w == bs && !opts.writeDirect()) {
          w = ops.syscall(WorkloadOps.FSYNC, writer, 0, 0, null) == 0 ? bs : -1;
        }
        if (w != bs) {
          // like the C helper: perror("direct write") and exit, without comparing
          failure =
              String.format("[%d:%d] FAIL - write returned %d, expected %d", id, iteration, w, bs);
          return;
        }
        Arrays.fill(rbuf, (byte) 0);
        long r = ops.syscall(WorkloadOps.READ, reader, offset, bs, rbuf);
        int bad = firstMismatch(wbuf, rbuf);
        if (w != bs || r != bs) {
          bad = Math.max(bad, 0);
        }
        verified(
            inode.ino,
            offset,
            bs,
            bad < 0 ? -1 : offset + bad,
            expected & 0xff,
            bad < 0 ? expected & 0xff : rbuf[bad] & 0xff);
        if (bad >= 0) {
          return;
        }
      }
    }

    /**
     * The comparison of {@code len} bytes at {@code pos} of file {@code ino}: {@code badOffset} is
     * -1 if all matched, else the file offset of the first wrong byte, {@code expected} and {@code
     * actual} the bytes there.
     */
    void verified(long ino, long pos, long len, long badOffset, int expected, int actual) {
      if (badOffset >= 0) {
        failure =
            String.format(
                "[%d:%d] FAIL - comparison failed, offset %d: first bad byte at %d,"
                    + " expected 0x%02x, got 0x%02x",
                id, iteration, pos, badOffset, expected, actual);
      }
    }
  }

  private static int firstMismatch(byte[] a, byte[] b) {
    return Arrays.mismatch(a, b);
  }

  /**
   * Child {@code i}'s thread. A child that dies (an exception in the model) is a failed child, as a
   * helper process killed by a signal would be. Kept last in the file: the lines of everything
   * above are the source locations of recorded traces, which replay follows.
   */
  private static Thread childThread(Child child, int i) {
    Thread t = new Thread(child, "child-" + i);
    t.setUncaughtExceptionHandler(
        (thread, e) ->
            child.failure =
                String.format("[%d:%d] FAIL - the child died: %s", child.id, child.iteration, e));
    return t;
  }
}
