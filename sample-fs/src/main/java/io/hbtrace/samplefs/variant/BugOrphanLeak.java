package io.hbtrace.samplefs.variant;

import io.hbtrace.samplefs.dio.InodeExtension;
import io.hbtrace.samplefs.fs.Kiocb;

/**
 * {@code bug-orphan-leak} (seeded mistake, on top of {@link Upstream}): when the direct write
 * fails, the error path returns early and skips both the truncation and the orphan removal. The
 * inode stays on the orphan list (in memory and on disk) until unmount, where {@code
 * ext4_put_super} finds it — the "leak" of ext4-race.md §6. Crash recovery would still clean it up,
 * so crash consistency holds; only the unmount check catches it.
 */
public final class BugOrphanLeak extends Upstream {
  @Override
  public String name() {
    return "bug-orphan-leak";
  }

  @Override
  public String summary() {
    return "seeded: the error path returns without truncation or orphan removal";
  }

  @Override
  public long afterDio(InodeExtension ext, Kiocb iocb, long written) {
    if (written < 0) {
      return written;
    }
    return super.afterDio(ext, iocb, written);
  }
}
