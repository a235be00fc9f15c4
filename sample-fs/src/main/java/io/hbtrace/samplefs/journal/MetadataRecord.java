package io.hbtrace.samplefs.journal;

/**
 * One change to on-disk metadata logged in a journal handle: the part of a metadata block the
 * handle dirtied, reduced to what crash consistency needs.
 */
public sealed interface MetadataRecord {
  /** Applies the change to the durable image at commit. */
  void applyTo(DurableMetadata image);

  /**
   * The metadata block the change dirties, as a key: the inode's table block (which also holds the
   * extent tree's root, {@code i_block}), the block bitmap, or the superblock (the orphan chain's
   * head).
   */
  String metadataBlock();

  /** A new inode in the inode table (ext4_new_inode). */
  record InodeCreated(long ino) implements MetadataRecord {
    @Override
    public void applyTo(DurableMetadata image) {
      image.inode(ino);
    }

    @Override
    public String metadataBlock() {
      return "inode:" + ino;
    }
  }

  /** The raw inode copied into the journal by ext4_mark_inode_dirty: its on-disk size. */
  record InodeWritten(long ino, long disksize) implements MetadataRecord {
    @Override
    public void applyTo(DurableMetadata image) {
      image.inode(ino).disksize = disksize;
    }

    @Override
    public String metadataBlock() {
      return "inode:" + ino;
    }
  }

  /** An extent-tree leaf now maps {@code lblk…+count} to {@code pblk…+count}. */
  record ExtentMapped(long ino, long lblk, long pblk, int count, boolean unwritten)
      implements MetadataRecord {
    @Override
    public void applyTo(DurableMetadata image) {
      DurableMetadata.DurableInode inode = image.inode(ino);
      for (int i = 0; i < count; i++) {
        inode.blocks.put(lblk + i, unwritten ? -(pblk + i) : pblk + i);
      }
    }

    @Override
    public String metadataBlock() {
      return "inode:" + ino;
    }
  }

  /** An extent-tree leaf no longer maps {@code lblk…+count}. */
  record ExtentUnmapped(long ino, long lblk, int count) implements MetadataRecord {
    @Override
    public void applyTo(DurableMetadata image) {
      DurableMetadata.DurableInode inode = image.inode(ino);
      for (int i = 0; i < count; i++) {
        inode.blocks.remove(lblk + i);
      }
    }

    @Override
    public String metadataBlock() {
      return "inode:" + ino;
    }
  }

  /** An unwritten extent became written (ext4_convert_unwritten_extents). */
  record ExtentWritten(long ino, long lblk, int count) implements MetadataRecord {
    @Override
    public void applyTo(DurableMetadata image) {
      DurableMetadata.DurableInode inode = image.inode(ino);
      for (int i = 0; i < count; i++) {
        Long p = inode.blocks.get(lblk + i);
        if (p != null) {
          inode.blocks.put(lblk + i, Math.abs(p));
        }
      }
    }

    @Override
    public String metadataBlock() {
      return "inode:" + ino;
    }
  }

  /** Bits set in the block bitmap. */
  record BitmapSet(long pblk, int count) implements MetadataRecord {
    @Override
    public void applyTo(DurableMetadata image) {
      image.bitmap.set(Math.toIntExact(pblk), Math.toIntExact(pblk + count));
    }

    @Override
    public String metadataBlock() {
      return "bitmap:" + (pblk >>> 15);
    }
  }

  /** Bits cleared in the block bitmap. */
  record BitmapClear(long pblk, int count) implements MetadataRecord {
    @Override
    public void applyTo(DurableMetadata image) {
      image.bitmap.clear(Math.toIntExact(pblk), Math.toIntExact(pblk + count));
    }

    @Override
    public String metadataBlock() {
      return "bitmap:" + (pblk >>> 15);
    }
  }

  /** The inode linked into the on-disk orphan chain (s_last_orphan / i_dtime). */
  record OrphanLinked(long ino) implements MetadataRecord {
    @Override
    public void applyTo(DurableMetadata image) {
      image.orphanChain.add(ino);
    }

    @Override
    public String metadataBlock() {
      return "superblock";
    }
  }

  /** The inode unlinked from the on-disk orphan chain. */
  record OrphanUnlinked(long ino) implements MetadataRecord {
    @Override
    public void applyTo(DurableMetadata image) {
      image.orphanChain.remove(ino);
    }

    @Override
    public String metadataBlock() {
      return "superblock";
    }
  }
}
