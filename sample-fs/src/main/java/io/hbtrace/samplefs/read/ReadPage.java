package io.hbtrace.samplefs.read;

import io.hbtrace.samplefs.block.Bio;
import io.hbtrace.samplefs.block.BlockDevice;
import io.hbtrace.samplefs.inode.BlockMapping;
import io.hbtrace.samplefs.inode.Inode;
import io.hbtrace.samplefs.inode.MapBlocks;
import io.hbtrace.samplefs.inode.MappingType;
import io.hbtrace.samplefs.pagecache.Page;
import java.util.Arrays;

/**
 * {@code ext4_readpage} → {@code ext4_mpage_readpages} for one locked page.
 *
 * <p>i_size is sampled once per page; every block at or after that EOF is zero-filled instead of
 * read, blocks before it are read from the device (contiguous ones in one bio), holes and unwritten
 * extents are zero-filled. Then the page is marked uptodate and unlocked. With blocks smaller than
 * pages, a page can straddle EOF: its blocks past the sampled size are zeros in the cache even if
 * the disk already holds data there — the heart of the generic/418 race.
 */
public final class ReadPage {
  private final BlockDevice device;
  private final MapBlocks mapBlocks;

  public ReadPage(BlockDevice device, MapBlocks mapBlocks) {
    this.device = device;
    this.mapBlocks = mapBlocks;
  }

  /** {@code ext4_readpage}: fill the locked page, mark it uptodate, unlock it. */
  public void readPage(Inode inode, Page page) {
    try {
      if (fillPage(inode, page)) {
        page.setUptodate();
      }
    } finally {
      page.lock.unlock();
    }
  }

  /**
   * Fills every block of the locked page (also used by a buffered write's write_begin for a page
   * that is not uptodate). Returns false on a read error.
   */
  public boolean fillPage(Inode inode, Page page) {
    int pageSize = page.data.length;
    int unit = Math.min(inode.blockSize, pageSize);
    int units = pageSize / unit;
    long pageStart = page.index * pageSize;
    long isize = sampleIsize(page, inode);
    long lastBlockInFile = (isize + inode.blockSize - 1) >> inode.blkbits;
    boolean ok = true;
    int i = 0;
    while (i < units) {
      long off = pageStart + (long) i * unit;
      long lblk = off >> inode.blkbits;
      if (lblk >= lastBlockInFile) {
        fillBlock(page, i, FillSource.ZERO_PAST_EOF);
        i++;
        continue;
      }
      BlockMapping m = mapBlocks.lookup(inode, lblk, 1);
      if (m.type() != MappingType.WRITTEN) {
        fillBlock(page, i, m.type() == MappingType.HOLE ? FillSource.HOLE : FillSource.UNWRITTEN);
        i++;
        continue;
      }
      // mpage: contiguous blocks before EOF go in one bio.
      int run = 1;
      long dev = m.pblk() * inode.blockSize + (off & (inode.blockSize - 1));
      while (i + run < units) {
        long o = off + (long) run * unit;
        long b = o >> inode.blkbits;
        if (b >= lastBlockInFile) {
          break;
        }
        BlockMapping n = mapBlocks.lookup(inode, b, 1);
        long d = n.pblk() * inode.blockSize + (o & (inode.blockSize - 1));
        if (n.type() != MappingType.WRITTEN || d != dev + (long) run * unit) {
          break;
        }
        run++;
      }
      int status =
          device.submitBioWait(
              Bio.REQ_OP_READ, inode.ino, off, run * unit, dev, page.data, i * unit);
      ok &= status == 0;
      for (int k = 0; k < run; k++) {
        fillBlock(page, i + k, FillSource.DISK);
      }
      i += run;
    }
    return ok;
  }

  /** The single {@code i_size_read} readpage makes for this page (last_block_in_file). */
  public long sampleIsize(Page page, Inode inode) {
    return inode.iSizeRead();
  }

  /**
   * Block {@code blockInPage} of the page now holds its contents from {@code source}: the zero
   * sources are written here; device data arrived through the read bio just completed.
   */
  public void fillBlock(Page page, int blockInPage, FillSource source) {
    if (source != FillSource.DISK) {
      int unit = page.data.length / blocksPerPage(page);
      Arrays.fill(page.data, blockInPage * unit, (blockInPage + 1) * unit, (byte) 0);
    }
  }

  private int blocksPerPage(Page page) {
    return Math.max(1, page.data.length / device.blockSize);
  }
}
