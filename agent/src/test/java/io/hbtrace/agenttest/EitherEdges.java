package io.hbtrace.agenttest;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;

/**
 * Two futures completed by two threads, each after marking its own object, both complete before an
 * either stage (or {@code anyOf}) is made on them: it takes the first one's value, so it must be
 * ordered after what that thread did, and not after what the other did. The main thread waits for
 * both through volatile flags no spec names (unrecorded), marks both objects in the stage (or after
 * the wait on {@code anyOf}), and joins the threads only after.
 */
public final class EitherEdges {
  private static volatile boolean done;
  private static int entered;

  private EitherEdges() {}

  private static void mark(Object o) {
    synchronized (o) {
      entered++;
    }
  }

  /** {@code first.applyToEither(second, marking)} and its minimal-stage form. */
  public static String applyToEither() throws InterruptedException {
    return taken((a, b) -> a.applyToEither(b, v -> v).toCompletableFuture().join());
  }

  public static String minimalApplyToEither() throws InterruptedException {
    return taken(
        (a, b) -> a.minimalCompletionStage().applyToEither(b, v -> v).toCompletableFuture().join());
  }

  public static String acceptEitherAsync() throws InterruptedException {
    return taken(
        (a, b) -> {
          String[] got = new String[1];
          a.acceptEitherAsync(b, v -> got[0] = v).join();
          return got[0];
        });
  }

  public static String anyOf() throws InterruptedException {
    return taken((a, b) -> (String) CompletableFuture.anyOf(a, b.toCompletableFuture()).join());
  }

  /**
   * Completes two futures on two threads, each after marking its object, then {@code take}s one and
   * marks both objects: the first is ordered, the second is not.
   */
  private static String taken(
      BiFunction<CompletableFuture<String>, CompletionStage<String>, String> take)
      throws InterruptedException {
    Object[] marks = {new Object(), new Object()};
    CompletableFuture<String> first = new CompletableFuture<>();
    CompletableFuture<String> second = new CompletableFuture<>();
    Thread a = completed(first, "first", marks[0]);
    Thread b = completed(second, "second", marks[1]);
    String got = take.apply(first, second);
    mark(marks[0]);
    mark(marks[1]);
    a.join();
    b.join();
    return got;
  }

  /** A thread that marks {@code m} and completes {@code f}; returns once it has. */
  private static Thread completed(CompletableFuture<String> f, String value, Object m) {
    done = false;
    Thread t =
        new Thread(
            () -> {
              mark(m);
              f.complete(value);
              done = true;
            });
    t.start();
    while (!done) {
      Thread.onSpinWait();
    }
    return t;
  }
}
