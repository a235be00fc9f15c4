package io.hbtrace.traces;

/**
 * Whether the calling thread's stack has room to write into the queue. A recording thread whose
 * buffer is full sweeps the buffers into the queue itself; a program that recurses until its stack
 * overflows (and catches the error) records at every depth, so that sweep can start with the stack
 * nearly full. A {@code StackOverflowError} inside Chronicle's append would leave the queue
 * half-written (the trace then ends there), so first this probe takes {@link #FRAMES} frames: if
 * they do not fit, nothing has been touched and the thread records on without sweeping (the event
 * that needed the room is counted as dropped).
 *
 * <p>The frames are the smallest the JVM makes (a compiled frame of one argument, 16-32 bytes;
 * interpreted, about 100), so the probe asks for 16-100 KiB where Chronicle's append path takes a
 * few KiB, even interpreted. It costs about a microsecond per sweep, which a thread makes once per
 * buffer (16 KiB, ~1,600 events).
 */
final class StackRoom {
  static final int FRAMES = 1024;

  private StackRoom() {}

  static boolean enough() {
    try {
      return depth(FRAMES) == FRAMES;
    } catch (StackOverflowError e) {
      return false;
    }
  }

  private static int depth(int n) {
    return n == 0 ? 0 : depth(n - 1) + 1;
  }
}
