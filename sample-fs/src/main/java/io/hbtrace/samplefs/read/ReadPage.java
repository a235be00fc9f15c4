package io.hbtrace.samplefs.read;

import io.hbtrace.samplefs.block.Bio;
import io.hbtrace.samplefs.block.BlockDevice;
import io.hbtrace.samplefs.inode.BlockMapping;
import io.hbtrace.samplefs.inode.Inode;
import io.hbtrace.samplefs.inode.MapBlocks;
import io.hbtrace.samplefs.inode.MappingType;
import io.hbtrace.samplefs.pagecache.Page;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code ext4_readpage} / {@code ext4_readahead} → {@code ext4_mpage_readpages} for one locked
 * page, and the block reads of a buffered write's {@code __block_write_begin}.
 *
 * <p>i_size is sampled once per page; every block at or after that EOF is zero-filled instead of
 * read, holes and unwritten extents are zero-filled, blocks before EOF are read from the device
 * (contiguous ones in one bio). The read is asynchronous: the page is marked uptodate and unlocked
 * by the last bio's completion ({@code mpage_end_io}), on whichever thread completes it. With
 * blocks smaller than pages a page can straddle EOF: its blocks past the sampled size are zeros in
 * the cache even if the disk already holds data there — the heart of the generic/418 race.
 *
 * <p>A page a partial write left with some blocks uptodate (it has buffers) is read as {@code
 * block_read_full_page} does: only the blocks not yet uptodate are filled, so a dirty block is
 * never overwritten by older data from the disk.
 */
public final class ReadPage {
  private final BlockDevice device;
  private final MapBlocks mapBlocks;

  public ReadPage(BlockDevice device, MapBlocks mapBlocks) {
    this.device = device;
    this.mapBlocks = mapBlocks;
  }

  /** A run of {@code units} blocks of the page read by one bio. */
  private record DiskRun(int firstUnit, int units, long fileOffset, long deviceOffset) {}

  /**
   * {@code ext4_readpage}: start filling the locked page. Returns at once; the page is uptodate and
   * unlocked when its reads complete (at once if nothing had to be read).
   */
  public void readPage(Inode inode, Page page) {
    List<DiskRun> runs = planPage(inode, page);
    if (runs.isEmpty()) {
      page.setUptodate();
      page.unlockPage();
      return;
    }
    AtomicInteger pending = new AtomicInteger(runs.size());
    AtomicInteger errors = new AtomicInteger();
    int unit = page.blockBytes();
    for (DiskRun run : runs) {
      device.submitBio(
          new Bio(
              Bio.REQ_OP_READ,
              inode.ino,
              run.fileOffset(),
              run.units() * unit,
              run.deviceOffset(),
              page.data,
              run.firstUnit() * unit,
              bio -> mpageEndIo(page, run.firstUnit(), run.units(), bio, pending, errors)));
    }
  }

  /**
   * {@code mpage_end_io}: a read bio of the page completed; the last one marks the page uptodate
   * (unless a read failed) and unlocks it.
   */
  void mpageEndIo(
      Page page, int firstUnit, int units, Bio bio, AtomicInteger pending, AtomicInteger errors) {
    if (bio.status != 0) {
      errors.incrementAndGet();
    }
    for (int k = 0; k < units; k++) {
      fillBlock(page, firstUnit + k, FillSource.DISK);
      if (bio.status == 0) {
        page.setBlockUptodate(firstUnit + k);
      }
    }
    if (pending.decrementAndGet() == 0) {
      if (errors.get() == 0) {
        page.setUptodate();
      }
      page.unlockPage();
    }
  }

  /**
   * Reads block {@code block} of the locked page from the device and waits, as {@code
   * __block_write_begin} does for a block a write covers only partly ({@code ll_rw_block} + {@code
   * wait_on_buffer}); the block becomes uptodate. {@code m} maps it (written). Returns false on a
   * read error.
   */
  public boolean readBlockSync(Inode inode, Page page, int block, BlockMapping m) {
    int unit = page.blockBytes();
    long off = page.index * page.data.length + (long) block * unit;
    long dev = m.pblk() * inode.blockSize + (off & (inode.blockSize - 1));
    int status =
        device.submitBioWait(Bio.REQ_OP_READ, inode.ino, off, unit, dev, page.data, block * unit);
    fillBlock(page, block, FillSource.DISK);
    if (status != 0) {
      return false;
    }
    page.setBlockUptodate(block);
    return true;
  }

  /**
   * Samples i_size, zero-fills the blocks that need no read, and returns the contiguous runs of
   * blocks to read from the device. Blocks already uptodate are left as they are.
   */
  private List<DiskRun> planPage(Inode inode, Page page) {
    int pageSize = page.data.length;
    int unit = page.blockBytes();
    int units = pageSize / unit;
    long pageStart = page.index * pageSize;
    long isize = sampleIsize(page, inode);
    long lastBlockInFile = (isize + inode.blockSize - 1) >> inode.blkbits;
    List<DiskRun> runs = new ArrayList<>();
    for (int i = 0; i < units; i++) {
      if (page.isBlockUptodate(i)) {
        continue;
      }
      long off = pageStart + (long) i * unit;
      long lblk = off >> inode.blkbits;
      if (lblk >= lastBlockInFile) {
        fillBlock(page, i, FillSource.ZERO_PAST_EOF);
        page.setBlockUptodate(i);
        continue;
      }
      BlockMapping m = mapBlocks.lookup(inode, lblk, 1);
      if (m.type() != MappingType.WRITTEN) {
        fillBlock(page, i, m.type() == MappingType.HOLE ? FillSource.HOLE : FillSource.UNWRITTEN);
        page.setBlockUptodate(i);
        continue;
      }
      long dev = m.pblk() * inode.blockSize + (off & (inode.blockSize - 1));
      DiskRun last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
      if (last != null
          && last.firstUnit() + last.units() == i
          && last.deviceOffset() + (long) last.units() * unit == dev) {
        runs.set(
            runs.size() - 1,
            new DiskRun(
                last.firstUnit(), last.units() + 1, last.fileOffset(), last.deviceOffset()));
      } else {
        runs.add(new DiskRun(i, 1, off, dev));
      }
    }
    return runs;
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
      int unit = page.blockBytes();
      Arrays.fill(page.data, blockInPage * unit, (blockInPage + 1) * unit, (byte) 0);
    }
  }
}
