package io.hbtrace.samplefs.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One step of the crash workload, and the seeded generator of a sequence of them: mostly extending
 * direct writes (some unaligned, some through AIO), with overwrites, buffered writes + fsync,
 * truncates and fallocates mixed in.
 */
public record CrashOp(Kind kind, long pos, int len) {
  /** What the step does. */
  public enum Kind {
    DIO_WRITE,
    AIO_WRITE,
    BUFFERED_WRITE_FSYNC,
    TRUNCATE,
    FALLOCATE
  }

  /** File size the generator keeps the file under. */
  static final long MAX_SIZE = 256 * 1024;

  /** A sequence of {@code count} steps, the same for the same seed. */
  public static List<CrashOp> generate(long seed, int count) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<CrashOp> ops = new ArrayList<>();
    long size = 0;
    for (int i = 0; i < count; i++) {
      double r = rnd.nextDouble();
      long end = sector(size + 511);
      int len = 512 * (1 + rnd.nextInt(8));
      CrashOp op;
      if (size > MAX_SIZE) {
        op = new CrashOp(Kind.TRUNCATE, sector(rnd.nextLong(size / 4)), 0);
      } else if (r < 0.40) {
        op = new CrashOp(Kind.DIO_WRITE, end + 512L * rnd.nextInt(4), len);
      } else if (r < 0.55) {
        // Block-aligned (at 4 KiB), so the write is not forced to wait as an unaligned one is.
        long at = ((end + 4095) & ~4095L) + 4096L * rnd.nextInt(2);
        op = new CrashOp(Kind.AIO_WRITE, at, 4096 * (1 + rnd.nextInt(2)));
      } else if (r < 0.65 && end > 0) {
        op = new CrashOp(Kind.DIO_WRITE, sector(rnd.nextLong(end)), len);
      } else if (r < 0.78) {
        op = new CrashOp(Kind.BUFFERED_WRITE_FSYNC, sector(rnd.nextLong(end + 4096)), len);
      } else if (r < 0.90) {
        long to = rnd.nextBoolean() ? sector(rnd.nextLong(end + 1)) : end + 512L * rnd.nextInt(8);
        op = new CrashOp(Kind.TRUNCATE, to, 0);
      } else {
        op = new CrashOp(Kind.FALLOCATE, end, len);
      }
      ops.add(op);
      size = nextSize(op, size);
    }
    return ops;
  }

  private static long nextSize(CrashOp op, long size) {
    return switch (op.kind) {
      case TRUNCATE -> op.pos;
      default -> Math.max(size, op.pos + op.len);
    };
  }

  private static long sector(long v) {
    return v & ~511L;
  }
}
