package io.hbtrace.traces.event;

/**
 * One event of a trace. Every event has the common header: its order key {@link #seq()}, the trace
 * thread that recorded it, and its source site; then the fields of its {@link #kind()}.
 *
 * <p>{@code seq} is a total order consistent with happens-before: a lock release precedes the
 * acquire that follows it, a thread start precedes the thread's first event, and so on (see {@code
 * FORMAT.md}, "Ordering").
 */
public sealed interface Event
    permits LockAcquire,
        LockRelease,
        MonitorEnter,
        MonitorExit,
        ThreadStart,
        ThreadJoin,
        HandoffSend,
        HandoffReceive,
        VolatileWrite,
        VolatileRead,
        ObjectNew,
        ObjectRole,
        ObjectFree,
        DioWriteBegin,
        DioWriteEnd,
        DioReadBegin,
        DioReadEnd,
        BufferedReadBegin,
        BufferedReadEnd,
        BufferedWriteBegin,
        BufferedWriteEnd,
        Fsync,
        TruncateBegin,
        TruncateEnd,
        OrphanAdd,
        OrphanDel,
        PageInvalidate,
        BlockAlloc,
        BlockFree,
        ExtentConvert,
        DiskWrite,
        DiskZero,
        IoComplete,
        EndIo,
        DioComplete,
        SizeUpdate,
        DisksizeUpdate,
        JournalStart,
        JournalCommit,
        PageLookup,
        PageInsert,
        SizeSample,
        BlockFill,
        PageUptodate,
        SizeClamp,
        CopyOut,
        PageDirty,
        PageWriteback,
        Fallocate,
        Mount,
        Unmount,
        Crash,
        RecoveryTruncate,
        Fsck,
        Fault,
        OpBegin,
        OpEnd,
        Verify,
        RunBegin,
        RunEnd {

  /** Order key: unique per trace, consistent with happens-before. */
  long seq();

  /** Trace thread id of the recording thread (see {@code ThreadInfo}). */
  int thread();

  /** Site id of the source location, 0 when unknown. */
  int site();

  EventKind kind();

  /**
   * Field {@code i} in wire order (as named by {@link EventKind#fieldNames()}), widened to long.
   */
  long field(int i);

  /** Calls the handler method for this event's kind. */
  void accept(EventHandler handler);
}
