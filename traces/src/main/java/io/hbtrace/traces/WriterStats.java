package io.hbtrace.traces;

/**
 * Counters of a {@link TraceWriter}, read without stopping it (so only roughly consistent with each
 * other while threads are recording).
 *
 * @param eventsRecorded events accepted into per-thread buffers
 * @param eventsWritten events in batches written to the queue
 * @param eventsDropped events not accepted: after close, unknown kind, or a failed queue
 * @param batches batch documents written
 * @param bytes bytes of all documents written (batches and metadata), without Chronicle's headers
 */
public record WriterStats(
    long eventsRecorded, long eventsWritten, long eventsDropped, long batches, long bytes) {}
