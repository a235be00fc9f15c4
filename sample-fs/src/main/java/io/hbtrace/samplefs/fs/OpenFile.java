package io.hbtrace.samplefs.fs;

import io.hbtrace.samplefs.inode.Inode;

/** {@code struct file}: an open file of {@link #inode}, with or without O_DIRECT. */
public final class OpenFile {
  public final Inode inode;
  public final boolean direct;

  public OpenFile(Inode inode, boolean direct) {
    this.inode = inode;
    this.direct = direct;
  }
}
