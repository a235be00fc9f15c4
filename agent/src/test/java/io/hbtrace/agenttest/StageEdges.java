package io.hbtrace.agenttest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * CompletableFuture's dependent stages. In the edge programs each mark object is entered twice:
 * first inside a stage, then by the calling thread after its one wait on the last future; the test
 * checks that the hand-offs recorded order the first before the second. {@link #shapes} shows what
 * stages see and complete with when their sources fail, which must not change under the agent.
 */
public final class StageEdges {
  private static volatile boolean flag;
  private static int entered;

  private StageEdges() {}

  private static void mark(Object m) {
    synchronized (m) {
      entered++;
    }
  }

  private static Object[] marks(int n) {
    Object[] m = new Object[n];
    for (int i = 0; i < n; i++) {
      m[i] = new Object();
    }
    return m;
  }

  private static String markedAll(Object[] m, Object result) {
    for (Object o : m) {
      mark(o);
    }
    return String.valueOf(result);
  }

  private static ExecutorService pool() {
    return Executors.newFixedThreadPool(2, r -> new Thread(r, "stage-worker"));
  }

  /** One stage of each one-source kind, chained; only the last is waited for. */
  public static String chain() {
    Object[] m = marks(7);
    ExecutorService pool = pool();
    try {
      CompletableFuture<Integer> a =
          CompletableFuture.supplyAsync(
              () -> {
                mark(m[0]);
                return 1;
              });
      CompletableFuture<Integer> b =
          a.thenApplyAsync(
              v -> {
                mark(m[1]);
                return v + 1;
              });
      CompletableFuture<Void> c = b.thenAccept(v -> mark(m[2]));
      CompletableFuture<Void> d = c.thenRunAsync(() -> mark(m[3]), pool);
      CompletableFuture<Integer> e =
          d.handle(
              (v, x) -> {
                mark(m[4]);
                return 5;
              });
      CompletableFuture<Integer> f = e.whenCompleteAsync((v, x) -> mark(m[5]));
      CompletableFuture<Integer> g = f.thenApply(v -> v + 1).exceptionally(x -> -1);
      CompletableFuture<Integer> h =
          g.thenCompose(
              v ->
                  CompletableFuture.supplyAsync(
                      () -> {
                        mark(m[6]);
                        return v * 10;
                      },
                      pool));
      return markedAll(m, h.join());
    } finally {
      pool.shutdown();
    }
  }

  /**
   * A source that completes once the stages on it are made (the latch orders nothing the test looks
   * at: it runs from the caller to the source's task).
   */
  private static CompletableFuture<Integer> gated(CountDownLatch go, Object mark, boolean fails) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            go.await();
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
          mark(mark);
          if (fails) {
            throw new IllegalStateException("boom");
          }
          return 1;
        });
  }

  /** Stages skipped because their source failed: the wait still follows the source. */
  public static String skipped() {
    Object[] m = marks(1);
    CountDownLatch go = new CountDownLatch(1);
    CompletableFuture<Void> c =
        gated(go, m[0], true).thenApply(v -> v + 1).thenAcceptAsync(v -> flag = true);
    go.countDown();
    try {
      c.join();
      return "no failure";
    } catch (CompletionException x) {
      return markedAll(m, x.getCause().getMessage());
    }
  }

  /** The exceptionally forms on a source that did not fail: their functions are skipped. */
  public static String exceptionallySkipped() {
    Object[] m = marks(1);
    CountDownLatch go = new CountDownLatch(1);
    CompletableFuture<Integer> d =
        gated(go, m[0], false)
            .exceptionally(x -> -1)
            .exceptionallyAsync(x -> -2)
            .exceptionallyCompose(x -> CompletableFuture.completedFuture(-3));
    go.countDown();
    return markedAll(m, d.join());
  }

  /** Stages on two sources, through the CompletionStage interface too. */
  public static String both() {
    Object[] m = marks(6);
    ExecutorService pool = pool();
    try {
      CompletableFuture<Integer> x = supplyMarking(m[0], 1);
      CompletionStage<Integer> y = supplyMarking(m[1], 2);
      CompletionStage<Integer> sum =
          y.thenCombine(
              x,
              (p, q) -> {
                mark(m[2]);
                return p + q;
              });
      CompletionStage<Void> accepted = sum.thenAcceptBothAsync(x, (p, q) -> mark(m[3]), pool);
      CompletableFuture<Integer> never = new CompletableFuture<>();
      CompletionStage<Void> either = accepted.runAfterEither(never, () -> mark(m[4]));
      CompletionStage<Integer> applied =
          either.applyToEitherAsync(
              never.thenApply(v -> null),
              v -> {
                mark(m[5]);
                return 3;
              });
      return markedAll(m, applied.toCompletableFuture().join());
    } finally {
      pool.shutdown();
    }
  }

  private static CompletableFuture<Integer> supplyMarking(Object mark, int value) {
    return CompletableFuture.supplyAsync(
        () -> {
          mark(mark);
          return value;
        });
  }

  /** allOf, anyOf, completeAsync, getNow, a minimal stage. */
  public static String others() throws Exception {
    Object[] m = marks(6);
    CompletableFuture.allOf(supplyMarking(m[0], 0), supplyMarking(m[1], 1)).join();
    Object any = CompletableFuture.anyOf(supplyMarking(m[2], 2)).join();
    CompletableFuture<Integer> completed =
        new CompletableFuture<Integer>()
            .completeAsync(
                () -> {
                  mark(m[3]);
                  return 3;
                });
    int c = completed.get();
    CompletableFuture<Integer> polled = supplyMarking(m[4], 4);
    while (polled.getNow(null) == null) {
      Thread.onSpinWait();
    }
    CompletionStage<Integer> minimal = supplyMarking(m[5], 5).minimalCompletionStage();
    int last = minimal.thenApply(v -> v + 1).toCompletableFuture().join();
    return markedAll(m, any + " " + c + " " + last);
  }

  /**
   * Stages on a completed future run inline, in the calling thread; an async one on its executor's
   * thread.
   */
  public static String inlineAndAsync() {
    ExecutorService pool = pool();
    try {
      CompletableFuture<Integer> done = CompletableFuture.completedFuture(1);
      int inline = done.thenApply(v -> v + 1).handle((v, x) -> v * 10).exceptionally(x -> 0).join();
      int async = done.thenApplyAsync(v -> v + 2, pool).join();
      return inline + " " + async;
    } finally {
      pool.shutdown();
    }
  }

  /**
   * A future completed by cancel, or obtrudeValue, in another thread hands over as complete does.
   */
  public static String cancelled() {
    Object[] m = marks(2);
    CompletableFuture<Integer> cancelled = new CompletableFuture<>();
    CompletableFuture<Integer> obtruded = new CompletableFuture<>();
    flag = false;
    Thread t =
        new Thread(
            () -> {
              mark(m[0]);
              cancelled.cancel(false);
              mark(m[1]);
              obtruded.obtrudeValue(7);
              flag = true;
            });
    t.start();
    while (!flag) {
      Thread.onSpinWait();
    }
    String result;
    try {
      result = "value " + cancelled.thenApply(v -> v + 1).join();
    } catch (CancellationException | CompletionException x) {
      result = x.getClass().getSimpleName();
    }
    mark(m[0]); // before the join of the other future, which would order it too
    result += " " + obtruded.join();
    mark(m[1]);
    try {
      t.join();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
    return result;
  }

  /**
   * Futures of the program's own class: overrides run as they are (one of them, with its own
   * newIncompleteFuture, calls super; javac gives its thenApply a bridge that forwards to it).
   */
  public static String subclasses() {
    List<String> log = new ArrayList<>();
    Logging<Integer> f = new Logging<>(log);
    CompletableFuture<Integer> d = f.thenApply(x -> x + 1).whenComplete((v, x) -> log.add("done"));
    CompletionStage<Integer> viaStage = f;
    CompletionStage<Integer> e = viaStage.thenApply(x -> x * 2);
    f.complete(1);
    log.add("result " + d.join() + " " + e.toCompletableFuture().join());
    return String.join(", ", log);
  }

  /** Logs its stage calls and makes its own kind of future. */
  private static final class Logging<T> extends CompletableFuture<T> {
    private final List<String> log;

    Logging(List<String> log) {
      this.log = log;
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
      return new Logging<>(log);
    }

    @Override
    public <U> CompletableFuture<U> thenApply(Function<? super T, ? extends U> fn) {
      log.add("thenApply");
      return super.thenApply(fn);
    }

    @Override
    public CompletableFuture<T> whenComplete(
        java.util.function.BiConsumer<? super T, ? super Throwable> action) {
      log.add("whenComplete");
      return super.whenComplete(action);
    }
  }

  /** A stage's mark, then a wait the recorder cannot see: nothing orders the two. */
  public static String unordered() {
    Object[] m = marks(1);
    flag = false;
    CompletableFuture.runAsync(
        () -> {
          mark(m[0]);
          flag = true;
        });
    while (!flag) {
      Thread.onSpinWait();
    }
    return markedAll(m, "done");
  }

  /**
   * What stages see and complete with on failed sources, a raw exception (completeExceptionally)
   * and a failed supplier's, and how many stages wait on an incomplete future.
   */
  public static String shapes() {
    List<String> out = new ArrayList<>();
    CompletableFuture<Integer> raw = new CompletableFuture<>();
    raw.completeExceptionally(new IOException("io"));
    CompletableFuture<Integer> failed =
        CompletableFuture.supplyAsync(
            () -> {
              throw new IllegalStateException("ise");
            });
    failed.exceptionally(x -> 0).join();
    for (CompletableFuture<Integer> s : List.of(raw, failed)) {
      out.add(outcome(s.thenApply(v -> v + 1)));
      out.add(outcome(s.thenApplyAsync(v -> v + 1)));
      out.add(outcome(s.exceptionally(StageEdges::seen)));
      out.add(outcome(s.exceptionallyAsync(StageEdges::seen)));
      out.add(outcome(s.handle((v, x) -> seen(x))));
      out.add(outcome(s.whenComplete((v, x) -> out.add("whenComplete " + seen(x)))));
      out.add(outcome(s.thenCompose(v -> CompletableFuture.completedFuture(v))));
      out.add(outcome(s.exceptionallyCompose(x -> CompletableFuture.completedFuture(seen(x)))));
      out.add(outcome(s.thenCombine(CompletableFuture.completedFuture(1), Integer::sum)));
      out.add(outcome(CompletableFuture.completedFuture(1).applyToEither(s, v -> v)));
      out.add(outcome(CompletableFuture.allOf(s, CompletableFuture.completedFuture(1))));
      out.add(outcome(CompletableFuture.anyOf(s)));
      out.add(outcome(s.minimalCompletionStage().thenApply(v -> v).toCompletableFuture()));
    }
    CompletableFuture<Integer> fine = CompletableFuture.completedFuture(null);
    out.add(outcome(fine.thenApply(v -> v == null)));
    out.add(outcome(fine.exceptionally(x -> 2)));
    out.add(outcome(fine.exceptionallyAsync(x -> 2)));
    out.add(outcome(fine.exceptionallyCompose(x -> CompletableFuture.completedFuture(2))));
    out.add(outcome(raw.exceptionallyComposeAsync(x -> raw)));
    out.add(
        outcome(
            raw.exceptionallyAsync(
                x -> {
                  throw new IllegalStateException("again");
                })));
    out.add(outcome(CompletableFuture.completedFuture(1).thenCompose(v -> raw)));
    CompletableFuture<Integer> pending = new CompletableFuture<>();
    pending.thenApply(v -> v);
    pending.thenCombine(raw, Integer::sum);
    try {
      CompletableFuture.allOf(pending, null);
    } catch (NullPointerException x) {
      out.add("allOf null");
    }
    try {
      CompletableFuture.anyOf(pending, null);
    } catch (NullPointerException x) {
      out.add("anyOf null");
    }
    out.add("dependents " + pending.getNumberOfDependents());
    return String.join("\n", out);
  }

  private static Integer seen(Throwable x) {
    return x.getClass().getSimpleName().length() * 100 + String.valueOf(x.getCause()).length();
  }

  /** How {@code f} completed: its value, or the failure's type, its cause's and the message. */
  private static String outcome(CompletableFuture<?> f) {
    try {
      return "value " + f.join();
    } catch (CompletionException x) {
      Function<Throwable, String> name = t -> t == null ? "-" : t.getClass().getSimpleName();
      return "failed " + name.apply(x) + " " + name.apply(x.getCause()) + " " + x.getMessage();
    } catch (RuntimeException x) {
      return "thrown " + x.getClass().getSimpleName();
    }
  }
}
