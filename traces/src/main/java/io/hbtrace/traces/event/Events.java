package io.hbtrace.traces.event;

/** Builds event records from decoded header and fields; used by the reader's decoder. */
public final class Events {

  private Events() {}

  /**
   * The record for {@code kind} with these header values and fields ({@code f} holds at least
   * {@code kind.arity()} values in wire order; int fields are narrowed).
   */
  public static Event create(EventKind kind, long seq, int thread, int site, long[] f) {
    return switch (kind) {
      case LOCK_ACQUIRE -> new LockAcquire(seq, thread, site, f[0], (int) f[1]);
      case LOCK_RELEASE -> new LockRelease(seq, thread, site, f[0], (int) f[1]);
      case MONITOR_ENTER -> new MonitorEnter(seq, thread, site, f[0]);
      case MONITOR_EXIT -> new MonitorExit(seq, thread, site, f[0]);
      case THREAD_START -> new ThreadStart(seq, thread, site, (int) f[0]);
      case THREAD_JOIN -> new ThreadJoin(seq, thread, site, (int) f[0]);
      case HANDOFF_SEND -> new HandoffSend(seq, thread, site, f[0], (int) f[1]);
      case HANDOFF_RECEIVE -> new HandoffReceive(seq, thread, site, f[0], (int) f[1]);
      case VOLATILE_WRITE -> new VolatileWrite(seq, thread, site, (int) f[0], f[1], f[2]);
      case VOLATILE_READ -> new VolatileRead(seq, thread, site, (int) f[0], f[1], f[2]);
      case OBJECT_NEW -> new ObjectNew(seq, thread, site, f[0], (int) f[1]);
      case OBJECT_ROLE -> new ObjectRole(seq, thread, site, f[0], (int) f[1], f[2], f[3]);
      case OBJECT_FREE -> new ObjectFree(seq, thread, site, f[0]);
      case DIO_WRITE_BEGIN ->
          new DioWriteBegin(seq, thread, site, f[0], f[1], f[2], (int) f[3], f[4]);
      case DIO_WRITE_END -> new DioWriteEnd(seq, thread, site, f[0], f[1], f[2]);
      case DIO_READ_BEGIN -> new DioReadBegin(seq, thread, site, f[0], f[1], f[2]);
      case DIO_READ_END -> new DioReadEnd(seq, thread, site, f[0], f[1], f[2]);
      case BUFFERED_READ_BEGIN -> new BufferedReadBegin(seq, thread, site, f[0], f[1], f[2]);
      case BUFFERED_READ_END -> new BufferedReadEnd(seq, thread, site, f[0], f[1], f[2]);
      case BUFFERED_WRITE_BEGIN -> new BufferedWriteBegin(seq, thread, site, f[0], f[1], f[2]);
      case BUFFERED_WRITE_END -> new BufferedWriteEnd(seq, thread, site, f[0], f[1], f[2]);
      case FSYNC -> new Fsync(seq, thread, site, f[0], f[1]);
      case TRUNCATE_BEGIN -> new TruncateBegin(seq, thread, site, f[0], f[1], f[2], (int) f[3]);
      case TRUNCATE_END -> new TruncateEnd(seq, thread, site, f[0], f[1]);
      case ORPHAN_ADD -> new OrphanAdd(seq, thread, site, f[0], (int) f[1], f[2]);
      case ORPHAN_DEL -> new OrphanDel(seq, thread, site, f[0], (int) f[1], f[2]);
      case PAGE_INVALIDATE ->
          new PageInvalidate(seq, thread, site, f[0], f[1], (int) f[2], (int) f[3]);
      case BLOCK_ALLOC -> new BlockAlloc(seq, thread, site, f[0], f[1], f[2], (int) f[3], f[4]);
      case BLOCK_FREE -> new BlockFree(seq, thread, site, f[0], f[1], f[2], f[3]);
      case EXTENT_CONVERT -> new ExtentConvert(seq, thread, site, f[0], f[1], f[2], f[3]);
      case DISK_WRITE -> new DiskWrite(seq, thread, site, f[0], f[1], f[2]);
      case DISK_ZERO -> new DiskZero(seq, thread, site, f[0], f[1], f[2]);
      case IO_COMPLETE -> new IoComplete(seq, thread, site, f[0], f[1], f[2]);
      case END_IO -> new EndIo(seq, thread, site, f[0], f[1], f[2], (int) f[3]);
      case DIO_COMPLETE -> new DioComplete(seq, thread, site, f[0], f[1], f[2]);
      case SIZE_UPDATE -> new SizeUpdate(seq, thread, site, f[0], f[1], f[2]);
      case DISKSIZE_UPDATE -> new DisksizeUpdate(seq, thread, site, f[0], f[1], f[2], f[3]);
      case JOURNAL_START -> new JournalStart(seq, thread, site, f[0]);
      case JOURNAL_COMMIT -> new JournalCommit(seq, thread, site, f[0]);
      case PAGE_LOOKUP -> new PageLookup(seq, thread, site, f[0], f[1], (int) f[2]);
      case PAGE_INSERT -> new PageInsert(seq, thread, site, f[0], f[1]);
      case SIZE_SAMPLE -> new SizeSample(seq, thread, site, f[0], f[1], f[2]);
      case BLOCK_FILL -> new BlockFill(seq, thread, site, f[0], f[1], (int) f[2], (int) f[3]);
      case PAGE_UPTODATE -> new PageUptodate(seq, thread, site, f[0], f[1]);
      case SIZE_CLAMP -> new SizeClamp(seq, thread, site, f[0], f[1], f[2]);
      case COPY_OUT -> new CopyOut(seq, thread, site, f[0], f[1], f[2]);
      case PAGE_DIRTY -> new PageDirty(seq, thread, site, f[0], f[1]);
      case PAGE_WRITEBACK -> new PageWriteback(seq, thread, site, f[0], f[1]);
      case FALLOCATE -> new Fallocate(seq, thread, site, f[0], f[1], f[2], f[3]);
      case MOUNT -> new Mount(seq, thread, site, f[0], (int) f[1], (int) f[2]);
      case UNMOUNT -> new Unmount(seq, thread, site, f[0], (int) f[1]);
      case CRASH -> new Crash(seq, thread, site, f[0], f[1]);
      case RECOVERY_TRUNCATE -> new RecoveryTruncate(seq, thread, site, f[0], f[1], f[2]);
      case FSCK -> new Fsck(seq, thread, site, f[0], (int) f[1]);
      case FAULT -> new Fault(seq, thread, site, (int) f[0], f[1], f[2]);
      case OP_BEGIN -> new OpBegin(seq, thread, site, (int) f[0], f[1], f[2], f[3]);
      case OP_END -> new OpEnd(seq, thread, site, (int) f[0], f[1], f[2], f[3]);
      case VERIFY -> new Verify(seq, thread, site, f[0], f[1], f[2], f[3], (int) f[4], (int) f[5]);
      case RUN_BEGIN -> new RunBegin(seq, thread, site, f[0]);
      case RUN_END -> new RunEnd(seq, thread, site, f[0], (int) f[1]);
    };
  }
}
