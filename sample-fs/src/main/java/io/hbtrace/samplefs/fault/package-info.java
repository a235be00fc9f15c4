/**
 * Seeded fault injection (short writes, IO errors, ENOSPC, invalidation failures) and crash points:
 * a controller that counts the durable steps of a run (journal commits and device writes) and
 * "crashes" at a chosen one by letting the file system snapshot its durable state and aborting the
 * operation with a {@link io.hbtrace.samplefs.fault.CrashException}.
 */
package io.hbtrace.samplefs.fault;
