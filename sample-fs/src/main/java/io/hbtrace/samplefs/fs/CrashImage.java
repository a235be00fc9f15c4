package io.hbtrace.samplefs.fs;

import io.hbtrace.samplefs.journal.DurableMetadata;

/**
 * What survives a crash of file system {@code fsId} at {@code step}: the device media and the
 * committed metadata, as they were just before that step.
 */
public record CrashImage(long fsId, long step, byte[][] media, DurableMetadata metadata) {}
