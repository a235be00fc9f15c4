package io.hbtrace.agent.instrument;

/**
 * Hand-offs between threads other than locks: tasks given to executors and completion services
 * (submit/execute/invokeAll/invokeAny/schedule*: the task is wrapped, so its start receives the
 * submission and its end sends the completion, to its future and to its service's {@code
 * awaitTermination} and {@code close}), the waits for them ({@code Future.get}, {@code isDone},
 * {@code resultNow}, {@code CompletableFuture.join/complete}, {@code supplyAsync/runAsync}), the
 * dependent stages of {@code CompletionStage} and {@code CompletableFuture} (their functions
 * wrapped, see {@code StageHooks}), fork/join tasks (fork, join, invoke, invokeAll, a pool's
 * execute/submit/invoke, a completer's completion; the task's compute is {@link
 * ForkJoinInstrumentation}'s), {@code BlockingQueue} put/offer/add → take/poll (channel: the
 * element), {@code CountDownLatch}, {@code Semaphore}, {@code CyclicBarrier}, {@code Phaser} and
 * {@code Exchanger} (as latches; a barrier's action is wrapped where the barrier is made, a
 * phaser's own {@code onAdvance} is {@link PhaserInstrumentation}'s), {@code Object.wait/notify}
 * (wait also releases and re-acquires the monitor) and {@code LockSupport park/unpark}.
 */
final class HandoffInstrumentation {
  private static final String EXECUTOR = "java/util/concurrent/Executor";
  private static final String SERVICE = "java/util/concurrent/ExecutorService";
  private static final String SCHEDULED = "java/util/concurrent/ScheduledExecutorService";
  private static final String COMPLETION = "java/util/concurrent/CompletionService";
  private static final String FJT = "java/util/concurrent/ForkJoinTask";
  private static final String FJP = "java/util/concurrent/ForkJoinPool";
  private static final String CC = "java/util/concurrent/CountedCompleter";
  private static final String SEMAPHORE = "java/util/concurrent/Semaphore";
  private static final String BARRIER = "java/util/concurrent/CyclicBarrier";
  private static final String PHASER = "java/util/concurrent/Phaser";
  private static final String EXCHANGER = "java/util/concurrent/Exchanger";
  private static final String FUTURE = "java/util/concurrent/Future";
  private static final String CF = "java/util/concurrent/CompletableFuture";
  private static final String LATCH = "java/util/concurrent/CountDownLatch";
  private static final String SUPPORT = "java/util/concurrent/locks/LockSupport";
  private static final String OBJECT = "java/lang/Object";
  private static final String QUEUE = "java/util/concurrent/BlockingQueue";
  private static final String OBJ = "Ljava/lang/Object;";
  private static final String RUNNABLE = "Ljava/lang/Runnable;";
  private static final String CALLABLE = "Ljava/util/concurrent/Callable;";
  private static final String SUPPLIER = "Ljava/util/function/Supplier;";
  private static final String EXEC = "Ljava/util/concurrent/Executor;";
  private static final String UNIT = "Ljava/util/concurrent/TimeUnit;";
  private static final String FUT = "Ljava/util/concurrent/Future;";
  private static final String SFUT = "Ljava/util/concurrent/ScheduledFuture;";
  private static final String TASKS = "Ljava/util/Collection;";
  private static final String LIST = "Ljava/util/List;";
  private static final String CFD = "Ljava/util/concurrent/CompletableFuture;";
  private static final String CS = "java/util/concurrent/CompletionStage";
  private static final String STAGE = "L" + CS + ";";
  private static final String FUNCTION = "Ljava/util/function/Function;";
  private static final String BI_FUNCTION = "Ljava/util/function/BiFunction;";
  private static final String CONSUMER = "Ljava/util/function/Consumer;";
  private static final String BI_CONSUMER = "Ljava/util/function/BiConsumer;";

  /** The JDK's executor services whose {@code close()} (Java 19+) a program may call. */
  private static final String[] CLOSEABLE_SERVICES = {
    SERVICE,
    SCHEDULED,
    "java/util/concurrent/AbstractExecutorService",
    "java/util/concurrent/ThreadPoolExecutor",
    "java/util/concurrent/ScheduledThreadPoolExecutor",
    FJP
  };

  /**
   * The JDK's future types whose {@code resultNow()}/{@code exceptionNow()} (Java 19+) are hooked.
   */
  private static final String[] FUTURES = {
    FUTURE,
    "java/util/concurrent/RunnableFuture",
    "java/util/concurrent/ScheduledFuture",
    "java/util/concurrent/RunnableScheduledFuture",
    "java/util/concurrent/FutureTask",
    CF,
    FJT,
    "java/util/concurrent/RecursiveTask",
    "java/util/concurrent/RecursiveAction",
    "java/util/concurrent/CountedCompleter"
  };

  private HandoffInstrumentation() {}

  /** A dependent stage's three forms: {@code name}, {@code nameAsync}, with an executor too. */
  private static void stageForms(CallRedirect.Rules rules, String name, String params) {
    stage(rules, name, params);
    stage(rules, name + "Async", params);
    stage(rules, name + "Async", params + EXEC);
  }

  /**
   * A dependent stage method, called on a {@code CompletionStage} or on a {@code CompletableFuture}
   * (whose methods return that type: the hook's result is cast back).
   */
  private static void stage(CallRedirect.Rules rules, String name, String params) {
    rules
        .widened(CS, name, "(" + params + ")" + STAGE, name, CS)
        .widened(CF, name, "(" + params + ")" + CFD, name, CS);
  }

  static void addRules(CallRedirect.Rules rules) {
    rules
        .in(CallRedirect.EXECUTOR_HOOKS)
        .instance(EXECUTOR, "execute", "(" + RUNNABLE + ")V", "execute")
        .instance(SERVICE, "submit", "(" + RUNNABLE + ")" + FUT, "submit")
        .instance(SERVICE, "submit", "(" + RUNNABLE + "Ljava/lang/Object;)" + FUT, "submit")
        .instance(SERVICE, "submit", "(" + CALLABLE + ")" + FUT, "submit")
        // ForkJoinPool's own submits return a ForkJoinTask
        .instance(FJP, "submit", "(" + RUNNABLE + ")L" + FJT + ";", "submit")
        .instance(FJP, "submit", "(" + RUNNABLE + OBJ + ")L" + FJT + ";", "submit")
        .instance(FJP, "submit", "(" + CALLABLE + ")L" + FJT + ";", "submit")
        .instance(COMPLETION, "submit", "(" + CALLABLE + ")" + FUT, "submit")
        .instance(COMPLETION, "submit", "(" + RUNNABLE + OBJ + ")" + FUT, "submit")
        .instance(SERVICE, "invokeAny", "(" + TASKS + ")" + OBJ, "invokeAny")
        .instance(SERVICE, "invokeAny", "(" + TASKS + "J" + UNIT + ")" + OBJ, "invokeAny")
        .instance(SERVICE, "invokeAll", "(" + TASKS + ")" + LIST, "invokeAll")
        .instance(SERVICE, "invokeAll", "(" + TASKS + "J" + UNIT + ")" + LIST, "invokeAll")
        .instance(SERVICE, "awaitTermination", "(J" + UNIT + ")Z", "awaitTermination")
        // Java 19+: close() waits for the service to terminate; named on the JDK's types only
        .exactErased(CLOSEABLE_SERVICES, "close", "()V", "close")
        .instance(SCHEDULED, "schedule", "(" + RUNNABLE + "J" + UNIT + ")" + SFUT, "schedule")
        .instance(SCHEDULED, "schedule", "(" + CALLABLE + "J" + UNIT + ")" + SFUT, "schedule")
        .instance(
            SCHEDULED,
            "scheduleAtFixedRate",
            "(" + RUNNABLE + "JJ" + UNIT + ")" + SFUT,
            "scheduleAtFixedRate")
        .instance(
            SCHEDULED,
            "scheduleWithFixedDelay",
            "(" + RUNNABLE + "JJ" + UNIT + ")" + SFUT,
            "scheduleWithFixedDelay")
        .instance(FUTURE, "isDone", "()Z", "isDone")
        // Java 19+: named on the JDK's future types only
        .exactErased(FUTURES, "resultNow", "()" + OBJ, "resultNow")
        .exactErased(FUTURES, "exceptionNow", "()Ljava/lang/Throwable;", "exceptionNow")
        .instance(FUTURE, "get", "()Ljava/lang/Object;", "get")
        .instance(FUTURE, "get", "(J" + UNIT + ")Ljava/lang/Object;", "get")
        .instance(CF, "join", "()Ljava/lang/Object;", "join")
        .instance(CF, "complete", "(Ljava/lang/Object;)Z", "complete")
        .instance(FUTURE, "cancel", "(Z)Z", "cancel")
        .instance(CF, "obtrudeValue", "(" + OBJ + ")V", "obtrudeValue")
        .instance(CF, "obtrudeException", "(Ljava/lang/Throwable;)V", "obtrudeException")
        .instance(CF, "completeExceptionally", "(Ljava/lang/Throwable;)Z", "completeExceptionally")
        .statik(CF, "supplyAsync", "(" + SUPPLIER + ")" + CFD, "supplyAsync")
        .statik(CF, "supplyAsync", "(" + SUPPLIER + EXEC + ")" + CFD, "supplyAsync")
        .statik(CF, "runAsync", "(" + RUNNABLE + ")" + CFD, "runAsync")
        .statik(CF, "runAsync", "(" + RUNNABLE + EXEC + ")" + CFD, "runAsync");
    CallRedirect.Rules one = rules.in(CallRedirect.STAGE_HOOKS);
    stageForms(one, "thenApply", FUNCTION);
    stageForms(one, "thenAccept", CONSUMER);
    stageForms(one, "thenRun", RUNNABLE);
    stageForms(one, "thenCompose", FUNCTION);
    stageForms(one, "handle", BI_FUNCTION);
    stageForms(one, "whenComplete", BI_CONSUMER);
    stage(one, "exceptionally", FUNCTION);
    stage(one, "exceptionallyAsync", FUNCTION);
    stage(one, "exceptionallyAsync", FUNCTION + EXEC);
    stageForms(one, "exceptionallyCompose", FUNCTION);
    one.statik(CF, "allOf", "([" + CFD + ")" + CFD, "allOf")
        .statik(CF, "anyOf", "([" + CFD + ")" + CFD, "anyOf")
        .instance(CF, "completeAsync", "(" + SUPPLIER + ")" + CFD, "completeAsync")
        .instance(CF, "completeAsync", "(" + SUPPLIER + EXEC + ")" + CFD, "completeAsync")
        .instance(CF, "getNow", "(" + OBJ + ")" + OBJ, "getNow")
        .instance(CS, "toCompletableFuture", "()" + CFD, "toCompletableFuture")
        .instance(CF, "minimalCompletionStage", "()" + STAGE, "minimalCompletionStage")
        .instance(CF, "copy", "()" + CFD, "copy");
    CallRedirect.Rules both = rules.in(CallRedirect.BOTH_STAGE_HOOKS);
    stageForms(both, "thenCombine", STAGE + BI_FUNCTION);
    stageForms(both, "thenAcceptBoth", STAGE + BI_CONSUMER);
    stageForms(both, "runAfterBoth", STAGE + RUNNABLE);
    stageForms(both, "applyToEither", STAGE + FUNCTION);
    stageForms(both, "acceptEither", STAGE + CONSUMER);
    stageForms(both, "runAfterEither", STAGE + RUNNABLE);
    rules
        .in(CallRedirect.FORK_JOIN_HOOKS)
        .instance(FJT, "fork", "()L" + FJT + ";", "fork")
        .instance(FJT, "join", "()" + OBJ, "join")
        .instance(FJT, "invoke", "()" + OBJ, "invoke")
        .instance(FJT, "quietlyJoin", "()V", "quietlyJoin")
        .instance(FJT, "quietlyInvoke", "()V", "quietlyInvoke")
        .inheritedStatik(FJT, "invokeAll", "(L" + FJT + ";L" + FJT + ";)V", "invokeAll")
        .inheritedStatik(FJT, "invokeAll", "([L" + FJT + ";)V", "invokeAll")
        .inheritedStatik(FJT, "invokeAll", "(" + TASKS + ")" + TASKS, "invokeAll")
        .instance(CC, "tryComplete", "()V", "tryComplete")
        .instance(CC, "propagateCompletion", "()V", "propagateCompletion")
        .instance(CC, "complete", "(" + OBJ + ")V", "complete")
        .instance(CC, "quietlyCompleteRoot", "()V", "quietlyCompleteRoot")
        .instance(CC, "firstComplete", "()L" + CC + ";", "firstComplete")
        .instance(CC, "nextComplete", "()L" + CC + ";", "nextComplete")
        .instance(FJP, "execute", "(L" + FJT + ";)V", "execute")
        .instance(FJP, "submit", "(L" + FJT + ";)L" + FJT + ";", "submit")
        .instance(FJP, "invoke", "(L" + FJT + ";)" + OBJ, "invoke");
    rules
        .in(CallRedirect.PERMIT_HOOKS)
        .instance(SEMAPHORE, "release", "()V", "release")
        .instance(SEMAPHORE, "release", "(I)V", "release")
        .instance(SEMAPHORE, "acquire", "()V", "acquire")
        .instance(SEMAPHORE, "acquire", "(I)V", "acquire")
        .instance(SEMAPHORE, "acquireUninterruptibly", "()V", "acquireUninterruptibly")
        .instance(SEMAPHORE, "acquireUninterruptibly", "(I)V", "acquireUninterruptibly")
        .instance(SEMAPHORE, "tryAcquire", "()Z", "tryAcquire")
        .instance(SEMAPHORE, "tryAcquire", "(I)Z", "tryAcquire")
        .instance(SEMAPHORE, "tryAcquire", "(J" + UNIT + ")Z", "tryAcquire")
        .instance(SEMAPHORE, "tryAcquire", "(IJ" + UNIT + ")Z", "tryAcquire")
        .constructorArgument(BARRIER, "(I" + RUNNABLE + ")V", "barrierAction")
        .instance(BARRIER, "await", "()I", "await")
        .instance(BARRIER, "await", "(J" + UNIT + ")I", "await")
        .instance(PHASER, "arrive", "()I", "arrive")
        .instance(PHASER, "arriveAndDeregister", "()I", "arriveAndDeregister")
        .instance(PHASER, "arriveAndAwaitAdvance", "()I", "arriveAndAwaitAdvance")
        .instance(PHASER, "awaitAdvance", "(I)I", "awaitAdvance")
        .instance(PHASER, "awaitAdvanceInterruptibly", "(I)I", "awaitAdvanceInterruptibly")
        .instance(
            PHASER, "awaitAdvanceInterruptibly", "(IJ" + UNIT + ")I", "awaitAdvanceInterruptibly")
        .instance(EXCHANGER, "exchange", "(" + OBJ + ")" + OBJ, "exchange")
        .instance(EXCHANGER, "exchange", "(" + OBJ + "J" + UNIT + ")" + OBJ, "exchange");
    rules
        .in(CallRedirect.HANDOFF_HOOKS)
        .instance(LATCH, "countDown", "()V", "countDown")
        .instance(LATCH, "await", "()V", "await")
        .instance(LATCH, "await", "(J" + UNIT + ")Z", "await")
        .instance(QUEUE, "add", "(" + OBJ + ")Z", "add")
        .instance(QUEUE, "offer", "(" + OBJ + ")Z", "offer")
        .instance(QUEUE, "offer", "(" + OBJ + "J" + UNIT + ")Z", "offer")
        .instance(QUEUE, "put", "(" + OBJ + ")V", "put")
        .instance(QUEUE, "take", "()" + OBJ, "take")
        .instance(QUEUE, "poll", "()" + OBJ, "poll")
        .instance(QUEUE, "poll", "(J" + UNIT + ")" + OBJ, "poll");
    rules
        .in(CallRedirect.MONITOR_HOOKS)
        .instance(OBJECT, "wait", "()V", "objectWait")
        .instance(OBJECT, "wait", "(J)V", "objectWait")
        .instance(OBJECT, "wait", "(JI)V", "objectWait")
        .instance(OBJECT, "notify", "()V", "objectNotify")
        .instance(OBJECT, "notifyAll", "()V", "objectNotifyAll");
    rules
        .in(CallRedirect.THREAD_HOOKS)
        .statik(SUPPORT, "park", "()V", "park")
        .statik(SUPPORT, "park", "(Ljava/lang/Object;)V", "park")
        .statik(SUPPORT, "parkNanos", "(J)V", "parkNanos")
        .statik(SUPPORT, "parkNanos", "(Ljava/lang/Object;J)V", "parkNanos")
        .statik(SUPPORT, "parkUntil", "(J)V", "parkUntil")
        .statik(SUPPORT, "parkUntil", "(Ljava/lang/Object;J)V", "parkUntil")
        .statik(SUPPORT, "unpark", "(Ljava/lang/Thread;)V", "unpark");
  }
}
