package io.hbtrace.traces;

/**
 * A trace thread: the writer's small id, the Java thread id and the thread's name when the writer
 * first saw it.
 */
public record ThreadInfo(int tid, long javaThreadId, String name) {}
