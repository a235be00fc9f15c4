package io.hbtrace.traces.event;

/**
 * Receives events by kind. Every method is a no-op by default, so a handler overrides only the
 * kinds it cares about.
 */
public interface EventHandler {

  default void onLockAcquire(LockAcquire e) {}

  default void onLockRelease(LockRelease e) {}

  default void onMonitorEnter(MonitorEnter e) {}

  default void onMonitorExit(MonitorExit e) {}

  default void onThreadStart(ThreadStart e) {}

  default void onThreadJoin(ThreadJoin e) {}

  default void onHandoffSend(HandoffSend e) {}

  default void onHandoffReceive(HandoffReceive e) {}

  default void onVolatileWrite(VolatileWrite e) {}

  default void onVolatileRead(VolatileRead e) {}

  default void onObjectNew(ObjectNew e) {}

  default void onObjectRole(ObjectRole e) {}

  default void onObjectFree(ObjectFree e) {}

  default void onDioWriteBegin(DioWriteBegin e) {}

  default void onDioWriteEnd(DioWriteEnd e) {}

  default void onDioReadBegin(DioReadBegin e) {}

  default void onDioReadEnd(DioReadEnd e) {}

  default void onBufferedReadBegin(BufferedReadBegin e) {}

  default void onBufferedReadEnd(BufferedReadEnd e) {}

  default void onBufferedWriteBegin(BufferedWriteBegin e) {}

  default void onBufferedWriteEnd(BufferedWriteEnd e) {}

  default void onFsync(Fsync e) {}

  default void onTruncateBegin(TruncateBegin e) {}

  default void onTruncateEnd(TruncateEnd e) {}

  default void onOrphanAdd(OrphanAdd e) {}

  default void onOrphanDel(OrphanDel e) {}

  default void onPageInvalidate(PageInvalidate e) {}

  default void onBlockAlloc(BlockAlloc e) {}

  default void onBlockFree(BlockFree e) {}

  default void onExtentConvert(ExtentConvert e) {}

  default void onDiskWrite(DiskWrite e) {}

  default void onDiskZero(DiskZero e) {}

  default void onIoComplete(IoComplete e) {}

  default void onEndIo(EndIo e) {}

  default void onDioComplete(DioComplete e) {}

  default void onSizeUpdate(SizeUpdate e) {}

  default void onDisksizeUpdate(DisksizeUpdate e) {}

  default void onJournalStart(JournalStart e) {}

  default void onJournalCommit(JournalCommit e) {}

  default void onPageLookup(PageLookup e) {}

  default void onPageInsert(PageInsert e) {}

  default void onSizeSample(SizeSample e) {}

  default void onBlockFill(BlockFill e) {}

  default void onPageUptodate(PageUptodate e) {}

  default void onSizeClamp(SizeClamp e) {}

  default void onCopyOut(CopyOut e) {}

  default void onPageDirty(PageDirty e) {}

  default void onPageWriteback(PageWriteback e) {}

  default void onFallocate(Fallocate e) {}

  default void onMount(Mount e) {}

  default void onUnmount(Unmount e) {}

  default void onCrash(Crash e) {}

  default void onRecoveryTruncate(RecoveryTruncate e) {}

  default void onFsck(Fsck e) {}

  default void onFault(Fault e) {}

  default void onOpBegin(OpBegin e) {}

  default void onOpEnd(OpEnd e) {}

  default void onVerify(Verify e) {}

  default void onRunBegin(RunBegin e) {}

  default void onRunEnd(RunEnd e) {}
}
