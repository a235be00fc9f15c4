package io.hbtrace.samplefs.workload;

import io.hbtrace.samplefs.Errno;
import io.hbtrace.samplefs.fs.OpenFile;
import io.hbtrace.samplefs.fs.Vfs;

/**
 * The workload's system calls, all through {@link #syscall}, which names the operation with one of
 * the codes below (part of the hook contract) and returns its result.
 */
public final class WorkloadOps {
  public static final int WRITE = 1;
  public static final int READ = 2;
  public static final int FSYNC = 3;
  public static final int TRUNCATE = 4;
  public static final int FALLOCATE = 5;

  /** Creating and truncating the file (open with O_CREAT | O_TRUNC). */
  public static final int SETUP = 6;

  private final Vfs vfs;

  public WorkloadOps(Vfs vfs) {
    this.vfs = vfs;
  }

  /**
   * Operation {@code op} on {@code file}: WRITE/READ {@code len} bytes of {@code buf} at {@code
   * pos}; TRUNCATE and SETUP to size {@code pos}; FALLOCATE {@code [pos, pos+len)}; FSYNC. Returns
   * the system call's result (bytes, 0, or a negative errno).
   */
  public long syscall(int op, OpenFile file, long pos, long len, byte[] buf) {
    return switch (op) {
      case WRITE -> vfs.pwrite(file, buf, 0, (int) len, pos);
      case READ -> vfs.pread(file, buf, 0, (int) len, pos);
      case FSYNC -> vfs.fsync(file);
      case TRUNCATE, SETUP -> vfs.ftruncate(file, pos);
      case FALLOCATE -> vfs.fallocate(file, pos, len);
      default -> Errno.EINVAL;
    };
  }

  public Vfs vfs() {
    return vfs;
  }
}
