package io.hbtrace.agent.instrument;

/**
 * {@code Thread.start} (recorded before the start) and {@code Thread.join} (after it returns; a
 * timed join only if the thread has terminated), on {@code Thread} and its subclasses.
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
        .instance(THREAD, "join", "(JI)V", "join");
  }
}
