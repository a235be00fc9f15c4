package io.hbtrace.traces.event;

import java.util.List;

/**
 * Every kind of event a trace can hold, with its one-byte code and its fields in wire order.
 *
 * <p>Codes are part of the trace format ({@code traces/FORMAT.md}): a code is never reused or
 * renumbered; new kinds take new codes and raise the minor format version.
 */
public enum EventKind {
  LOCK_ACQUIRE(1, Family.SYNC, "LockAcquire", "lock", "mode"),
  LOCK_RELEASE(2, Family.SYNC, "LockRelease", "lock", "mode"),
  MONITOR_ENTER(3, Family.SYNC, "MonitorEnter", "monitor"),
  MONITOR_EXIT(4, Family.SYNC, "MonitorExit", "monitor"),
  THREAD_START(5, Family.SYNC, "ThreadStart", "child"),
  THREAD_JOIN(6, Family.SYNC, "ThreadJoin", "child"),
  HANDOFF_SEND(7, Family.SYNC, "HandoffSend", "channel", "how"),
  HANDOFF_RECEIVE(8, Family.SYNC, "HandoffReceive", "channel", "how"),
  VOLATILE_WRITE(9, Family.SYNC, "VolatileWrite", "field", "object", "value"),
  VOLATILE_READ(10, Family.SYNC, "VolatileRead", "field", "object", "value"),
  OBJECT_NEW(11, Family.SYNC, "ObjectNew", "object", "type"),
  OBJECT_ROLE(12, Family.SYNC, "ObjectRole", "object", "role", "owner", "detail"),
  OBJECT_FREE(13, Family.SYNC, "ObjectFree", "object"),
  DIO_WRITE_BEGIN(32, Family.DOMAIN, "DioWriteBegin", "ino", "pos", "count", "flags", "sizeBefore"),
  DIO_WRITE_END(33, Family.DOMAIN, "DioWriteEnd", "ino", "pos", "result"),
  DIO_READ_BEGIN(34, Family.DOMAIN, "DioReadBegin", "ino", "pos", "count"),
  DIO_READ_END(35, Family.DOMAIN, "DioReadEnd", "ino", "pos", "result"),
  BUFFERED_READ_BEGIN(36, Family.DOMAIN, "BufferedReadBegin", "ino", "pos", "count"),
  BUFFERED_READ_END(37, Family.DOMAIN, "BufferedReadEnd", "ino", "pos", "result"),
  BUFFERED_WRITE_BEGIN(38, Family.DOMAIN, "BufferedWriteBegin", "ino", "pos", "count"),
  BUFFERED_WRITE_END(39, Family.DOMAIN, "BufferedWriteEnd", "ino", "pos", "result"),
  FSYNC(40, Family.DOMAIN, "Fsync", "ino", "result"),
  TRUNCATE_BEGIN(41, Family.DOMAIN, "TruncateBegin", "ino", "oldSize", "newSize", "reason"),
  TRUNCATE_END(42, Family.DOMAIN, "TruncateEnd", "ino", "newSize"),
  ORPHAN_ADD(43, Family.DOMAIN, "OrphanAdd", "ino", "wasOnList", "txn"),
  ORPHAN_DEL(44, Family.DOMAIN, "OrphanDel", "ino", "wasOnList", "txn"),
  PAGE_INVALIDATE(45, Family.DOMAIN, "PageInvalidate", "ino", "index", "phase", "outcome"),
  BLOCK_ALLOC(46, Family.DOMAIN, "BlockAlloc", "ino", "lblk", "count", "unwritten", "txn"),
  BLOCK_FREE(47, Family.DOMAIN, "BlockFree", "ino", "lblk", "count", "txn"),
  EXTENT_CONVERT(48, Family.DOMAIN, "ExtentConvert", "ino", "lblk", "count", "txn"),
  DISK_WRITE(49, Family.DOMAIN, "DiskWrite", "ino", "pos", "len"),
  DISK_ZERO(50, Family.DOMAIN, "DiskZero", "ino", "pos", "len"),
  IO_COMPLETE(51, Family.DOMAIN, "IoComplete", "ino", "pos", "result"),
  END_IO(52, Family.DOMAIN, "EndIo", "ino", "pos", "size", "error"),
  DIO_COMPLETE(53, Family.DOMAIN, "DioComplete", "ino", "pos", "result"),
  SIZE_UPDATE(54, Family.DOMAIN, "SizeUpdate", "ino", "oldSize", "newSize"),
  DISKSIZE_UPDATE(55, Family.DOMAIN, "DisksizeUpdate", "ino", "oldSize", "newSize", "txn"),
  JOURNAL_START(56, Family.DOMAIN, "JournalStart", "txn"),
  JOURNAL_COMMIT(57, Family.DOMAIN, "JournalCommit", "txn"),
  PAGE_LOOKUP(58, Family.DOMAIN, "PageLookup", "ino", "index", "hit"),
  PAGE_INSERT(59, Family.DOMAIN, "PageInsert", "ino", "index"),
  SIZE_SAMPLE(60, Family.DOMAIN, "SizeSample", "ino", "index", "size"),
  BLOCK_FILL(61, Family.DOMAIN, "BlockFill", "ino", "index", "block", "source"),
  PAGE_UPTODATE(62, Family.DOMAIN, "PageUptodate", "ino", "index"),
  SIZE_CLAMP(63, Family.DOMAIN, "SizeClamp", "ino", "pos", "size"),
  COPY_OUT(64, Family.DOMAIN, "CopyOut", "ino", "pos", "len"),
  PAGE_DIRTY(65, Family.DOMAIN, "PageDirty", "ino", "index"),
  PAGE_WRITEBACK(66, Family.DOMAIN, "PageWriteback", "ino", "index"),
  FALLOCATE(67, Family.DOMAIN, "Fallocate", "ino", "pos", "len", "result"),
  MOUNT(96, Family.LIFECYCLE, "Mount", "fs", "blockSize", "pageSize"),
  UNMOUNT(97, Family.LIFECYCLE, "Unmount", "fs", "orphansLeft"),
  CRASH(98, Family.LIFECYCLE, "Crash", "fs", "step"),
  RECOVERY_TRUNCATE(99, Family.LIFECYCLE, "RecoveryTruncate", "ino", "diskSize", "blocksFreed"),
  FSCK(100, Family.LIFECYCLE, "Fsck", "fs", "violations"),
  FAULT(101, Family.LIFECYCLE, "Fault", "what", "ino", "pos"),
  OP_BEGIN(112, Family.WORKLOAD, "OpBegin", "op", "ino", "pos", "len"),
  OP_END(113, Family.WORKLOAD, "OpEnd", "op", "ino", "pos", "result"),
  VERIFY(114, Family.WORKLOAD, "Verify", "ino", "pos", "len", "badOffset", "expected", "actual"),
  RUN_BEGIN(115, Family.WORKLOAD, "RunBegin", "run"),
  RUN_END(116, Family.WORKLOAD, "RunEnd", "run", "failed");

  /** The four families of events; see {@code FORMAT.md}. */
  public enum Family {
    /** Synchronization: what happens-before is rebuilt from. */
    SYNC,
    /** Domain: what the model (or code mapped by a tracepoint spec) does. */
    DOMAIN,
    /** Lifecycle: mount, crash, recovery, fsck, injected faults. */
    LIFECYCLE,
    /** Workload: operations and verify results of the driving program. */
    WORKLOAD
  }

  /** Largest number of fields any kind carries. */
  public static final int MAX_FIELDS = 6;

  private static final EventKind[] BY_CODE = new EventKind[256];

  static {
    for (EventKind k : values()) {
      BY_CODE[k.code] = k;
    }
  }

  private final int code;
  private final Family family;
  private final String recordName;
  private final List<String> fieldNames;
  private final int arity; // read per event by the decoder: a field, not a call on the list

  EventKind(int code, Family family, String recordName, String... fieldNames) {
    this.code = code;
    this.family = family;
    this.recordName = recordName;
    this.fieldNames = List.of(fieldNames);
    this.arity = fieldNames.length;
  }

  /** The kind with this wire code, or {@code null} if no kind has it. */
  public static EventKind ofCode(int code) {
    return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
  }

  /** The one-byte code of this kind on the wire. */
  public int code() {
    return code;
  }

  public Family family() {
    return family;
  }

  /** The simple name of the record class that carries this kind, e.g. {@code "SizeUpdate"}. */
  public String recordName() {
    return recordName;
  }

  /** The field names in wire order, after the common header (seq, thread, site). */
  public List<String> fieldNames() {
    return fieldNames;
  }

  /** Number of fields after the common header. */
  public int arity() {
    return arity;
  }
}
