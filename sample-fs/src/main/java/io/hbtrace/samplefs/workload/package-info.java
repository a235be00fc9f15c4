/**
 * Workloads that drive the model as plain programs: {@link
 * io.hbtrace.samplefs.workload.DioInvalidateCache} (xfstests' {@code src/dio-invalidate-cache.c}),
 * {@link io.hbtrace.samplefs.workload.Generic418} (the test matrix of xfstests generic/418) and
 * {@link io.hbtrace.samplefs.workload.CrashConsistency} (extending writes with faults, a crash at
 * every chosen step, recovery, fsck). Each is deterministic given its arguments and seed, apart
 * from thread timing; threads have stable names ({@code child-0}, …).
 */
package io.hbtrace.samplefs.workload;
