package io.hbtrace.samplefs.fs;

import io.hbtrace.samplefs.inode.Inode;

/**
 * {@code struct file}: an open file of {@link #inode}, with or without O_DIRECT. Writes through a
 * descriptor opened for {@link #aio} go by {@code io_submit} + {@code io_getevents} (an
 * asynchronous kiocb) instead of {@code pwrite}.
 */
public final class OpenFile {
  public final Inode inode;
  public final boolean direct;
  public final boolean aio;

  public OpenFile(Inode inode, boolean direct) {
    this(inode, direct, false);
  }

  public OpenFile(Inode inode, boolean direct, boolean aio) {
    this.inode = inode;
    this.direct = direct;
    this.aio = aio;
  }
}
