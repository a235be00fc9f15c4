package io.hbtrace.samplefs.fs;

import io.hbtrace.samplefs.block.BlockDevice;
import io.hbtrace.samplefs.dio.DioEndIo;
import io.hbtrace.samplefs.dio.DioWorkqueue;
import io.hbtrace.samplefs.dio.Ext4DioWrite;
import io.hbtrace.samplefs.dio.Ext4Iomap;
import io.hbtrace.samplefs.dio.InodeExtension;
import io.hbtrace.samplefs.dio.IomapDio;
import io.hbtrace.samplefs.fault.CrashPoints;
import io.hbtrace.samplefs.fault.FaultInjector;
import io.hbtrace.samplefs.inode.BlockAllocator;
import io.hbtrace.samplefs.inode.Inode;
import io.hbtrace.samplefs.inode.MapBlocks;
import io.hbtrace.samplefs.journal.DurableMetadata;
import io.hbtrace.samplefs.journal.Handle;
import io.hbtrace.samplefs.journal.Journal;
import io.hbtrace.samplefs.journal.MetadataRecord;
import io.hbtrace.samplefs.orphan.OrphanList;
import io.hbtrace.samplefs.read.DioRead;
import io.hbtrace.samplefs.read.FilemapRead;
import io.hbtrace.samplefs.read.ReadPage;
import io.hbtrace.samplefs.variant.Variant;
import io.hbtrace.samplefs.write.BufferedWrite;
import io.hbtrace.samplefs.write.Fallocate;
import io.hbtrace.samplefs.write.Fsync;
import io.hbtrace.samplefs.write.Truncate;
import io.hbtrace.samplefs.write.Writeback;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One mounted file system ({@code struct super_block} + {@code struct ext4_sb_info}): its device,
 * journal, allocator, orphan list, inode table, and the code paths wired to them.
 *
 * <p>Each instance has its own {@link #id} and inode numbers (the first file is inode 12, as on a
 * fresh ext4). {@link #mkfsAndMount} makes an empty one; {@link #mountImage} mounts what a crash
 * left and runs orphan recovery.
 */
public final class FileSystem implements AutoCloseable {
  private static final AtomicLong IDS = new AtomicLong(1);

  public final long id;
  public final int blockSize;
  public final int pageSize;
  public final FsConfig config;
  public final Variant variant;
  public final FaultInjector faults;
  public final CrashPoints crashPoints;

  public final BlockDevice device;
  public final Journal journal;
  public final BlockAllocator allocator;
  public final MapBlocks mapBlocks;
  public final OrphanList orphans = new OrphanList();

  public final ReadPage readPage;
  public final FilemapRead filemapRead;
  public final Writeback writeback;
  public final DioRead dioRead;
  public final BufferedWrite bufferedWrite;
  public final Fsync fsync;
  public final Truncate truncate;
  public final Fallocate fallocate;
  public final InodeExtension extension;
  public final Ext4Iomap iomapOps;
  public final IomapDio iomap;
  public final Ext4DioWrite dioWrite;
  private final DioWorkqueue workqueue = new DioWorkqueue();

  private final ReentrantLock inodeTableLock = new ReentrantLock();
  private final Map<Long, Inode> inodes = new TreeMap<>();
  private long nextIno = 12;
  private volatile CrashImage crashImage;

  private FileSystem(FsConfig config, DurableMetadata durable) {
    this.id = IDS.getAndIncrement();
    this.config = config;
    this.blockSize = config.blockSize();
    this.pageSize = config.pageSize();
    this.variant = config.variant();
    this.faults = config.faults();
    this.crashPoints = config.crashPoints();
    crashPoints.fsId = id;
    device =
        new BlockDevice(blockSize, config.deviceBlocks(), config.latency(), crashPoints, faults);
    journal = new Journal(durable, crashPoints, config.journalBlocks(), device);
    allocator = new BlockAllocator(config.deviceBlocks());
    mapBlocks = new MapBlocks(allocator, faults);
    readPage = new ReadPage(device, mapBlocks);
    filemapRead = new FilemapRead(readPage);
    writeback = new Writeback(journal, mapBlocks, device);
    dioRead = new DioRead(device, mapBlocks, writeback);
    bufferedWrite = new BufferedWrite(readPage, mapBlocks);
    fsync = new Fsync(writeback);
    truncate = new Truncate(journal, mapBlocks, orphans);
    fallocate = new Fallocate(journal, mapBlocks);
    extension =
        new InodeExtension(journal, orphans, truncate, mapBlocks, config.extensionStallNanos());
    iomapOps = new Ext4Iomap(journal, mapBlocks, variant, extension);
    iomap =
        new IomapDio(
            writeback, device, faults, iomapOps, new DioEndIo(extension, variant), workqueue);
    dioWrite = new Ext4DioWrite(iomap, iomapOps, variant, extension, bufferedWrite, writeback);
    crashPoints.onCrash(this::snapshotDurableState);
  }

  /** mkfs + mount: an empty file system. */
  public static FileSystem mkfsAndMount(FsConfig config) {
    FileSystem fs = new FileSystem(config, new DurableMetadata());
    fs.fillSuper();
    return fs;
  }

  /** Mounts what a crash left: loads the committed metadata, then recovers the orphans. */
  public static FileSystem mountImage(FsConfig config, CrashImage image) {
    FileSystem fs = new FileSystem(config, image.metadata().copy());
    fs.device.restoreMedia(image.media());
    fs.loadInodes();
    fs.fillSuper();
    new OrphanCleanup(fs).run();
    return fs;
  }

  /** {@code ext4_fill_super}: the file system is mounted. */
  void fillSuper() {}

  private void loadInodes() {
    DurableMetadata durable = journal.durable();
    allocator.markUsed(durable.bitmap());
    durable
        .inodes()
        .forEach(
            (ino, d) -> {
              Inode inode = new Inode(ino, blockSize, pageSize);
              inode.iSizeWrite(d.disksize);
              inode.setDisksize(null, d.disksize);
              d.blocks.forEach((lblk, p) -> inode.extents.load(lblk, Math.abs(p), p < 0));
              inodes.put(ino, inode);
              nextIno = Math.max(nextIno, ino + 1);
            });
  }

  /** {@code ext4_create}: a new empty regular file. */
  public Inode createFile() {
    Inode inode;
    inodeTableLock.lock();
    try {
      inode = new Inode(nextIno++, blockSize, pageSize);
      inodes.put(inode.ino, inode);
    } finally {
      inodeTableLock.unlock();
    }
    Handle handle = journal.start(inode.ino);
    try {
      handle.log(new MetadataRecord.InodeCreated(inode.ino));
      inode.markDirty(handle);
    } finally {
      journal.stop(handle);
    }
    return inode;
  }

  /** {@code ext4_iget}: the in-memory inode {@code ino}, or null. */
  public Inode iget(long ino) {
    inodeTableLock.lock();
    try {
      return inodes.get(ino);
    } finally {
      inodeTableLock.unlock();
    }
  }

  /**
   * {@code ext4_put_super}: unmount. Returns how many inodes are still on the orphan list — ext4
   * dumps them and asserts the list is empty.
   */
  public int putSuper() {
    int left = orphans.inodes().size();
    close();
    return left;
  }

  /** Stops the file system's threads (workqueue, device interrupt thread) without any check. */
  @Override
  public void close() {
    workqueue.close();
    device.close();
  }

  private void snapshotDurableState(long step) {
    crashImage = new CrashImage(id, step, device.copyMedia(), journal.durable().copy());
  }

  /** The durable state captured at the crash point, or null if the system has not crashed. */
  public CrashImage crashImage() {
    return crashImage;
  }
}
