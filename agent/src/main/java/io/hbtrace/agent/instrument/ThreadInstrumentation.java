package io.hbtrace.agent.instrument;

/**
 * {@code Thread.start} (recorded before the start) and {@code Thread.join} (after it returns; a
 * timed join only if the thread has terminated), on {@code Thread} and its subclasses; and the
 * starts Java 21 added, of a {@code Thread.Builder} (platform or virtual) and {@code
 * Thread.startVirtualThread}.
 */
final class ThreadInstrumentation {
  private static final String THREAD = "java/lang/Thread";

  private ThreadInstrumentation() {}

  static void addRules(CallRedirect.Rules rules) {
    rules
        .in(CallRedirect.THREAD_HOOKS)
        .instance(THREAD, "start", "()V", "start")
        .instance(THREAD, "join", "()V", "join")
        .instance(THREAD, "join", "(J)V", "join")
        .instance(THREAD, "join", "(JI)V", "join")
        .erased(THREAD + "$Builder", "start", "(Ljava/lang/Runnable;)L" + THREAD + ";", "start")
        .statik(
            THREAD, "startVirtualThread", "(Ljava/lang/Runnable;)L" + THREAD + ";", "startVirtual");
  }
}
