package io.hbtrace.agenttest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionService;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CountedCompleter;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Exchanger;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.Future;
import java.util.concurrent.Phaser;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.RecursiveTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** Executors and futures at their edges: ordered task queues, failed tasks, completions. */
public final class ExecutorEdges {
  private ExecutorEdges() {}

  /** A task a priority queue orders by {@link #compareTo}: the higher priority first. */
  private record Job(int priority, String name, List<String> ran, CountDownLatch gate)
      implements Runnable, Comparable<Job> {
    @Override
    public void run() {
      try {
        gate.await();
      } catch (InterruptedException e) {
        return;
      }
      synchronized (ran) {
        ran.add(name);
      }
    }

    @Override
    public int compareTo(Job o) {
      return Integer.compare(o.priority, priority);
    }
  }

  /**
   * A one-thread pool over a priority queue: the first job holds the thread until the others are
   * queued; returns the order they ran in ({@code first high low}).
   */
  public static String priorityPool() throws InterruptedException {
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new PriorityBlockingQueue<>());
    List<String> ran = new ArrayList<>();
    CountDownLatch gate = new CountDownLatch(1);
    try {
      pool.execute(new Job(100, "first", ran, gate));
      pool.execute(new Job(1, "low", ran, gate));
      pool.execute(new Job(5, "high", ran, gate));
      gate.countDown();
    } finally {
      pool.shutdown();
    }
    pool.awaitTermination(10, TimeUnit.SECONDS);
    return String.join(" ", ran);
  }

  /** A task that fails, its {@code get}; a future completed exceptionally, its {@code join}. */
  public static int failures() throws InterruptedException {
    ExecutorService pool = Executors.newSingleThreadExecutor(r -> new Thread(r, "worker"));
    int caught = 0;
    try {
      Future<Integer> f =
          pool.submit(
              () -> {
                throw new IllegalStateException("task failed");
              });
      f.get();
    } catch (ExecutionException e) {
      caught++;
    } finally {
      pool.shutdown();
    }
    CompletableFuture<String> cf = new CompletableFuture<>();
    Thread t =
        new Thread(() -> cf.completeExceptionally(new IllegalStateException("no")), "worker");
    t.start();
    try {
      cf.join();
    } catch (CompletionException e) {
      caught++;
    }
    t.join();
    return caught;
  }

  /** A future completed twice: the second completion does nothing. */
  public static boolean completedTwice() {
    CompletableFuture<Integer> f = new CompletableFuture<>();
    boolean first = f.complete(1);
    boolean second = f.complete(2);
    return first && !second && f.join() == 1;
  }

  /**
   * A scheduled task and a scheduled callable and their {@code get}s, a periodic task run three
   * times, {@code invokeAll} of three callables, then {@code awaitTermination}: each hands what its
   * tasks did back to the caller. Returns {@code "5 7 runs=3 sum=6 terminated=true"}.
   */
  public static String scheduledAndInvoked() throws Exception {
    ScheduledExecutorService pool =
        Executors.newScheduledThreadPool(1, r -> new Thread(r, "worker"));
    int[] cell = new int[1];
    String result;
    try {
      Future<?> once = pool.schedule(() -> cell[0] = 5, 1, TimeUnit.MILLISECONDS);
      once.get();
      int read = cell[0];
      Future<Integer> call = pool.schedule(() -> 7, 1, TimeUnit.MILLISECONDS);
      int seven = call.get();
      CountDownLatch three = new CountDownLatch(3);
      int[] runs = new int[1];
      Future<?> periodic =
          pool.scheduleAtFixedRate(
              () -> {
                if (three.getCount() > 0) {
                  runs[0]++;
                  three.countDown();
                }
              },
              0,
              1,
              TimeUnit.MILLISECONDS);
      three.await();
      periodic.cancel(false);
      List<Callable<Integer>> tasks = List.of(() -> 1, () -> 2, () -> 3);
      int sum = 0;
      for (Future<Integer> f : pool.invokeAll(tasks)) {
        sum += f.get();
      }
      result = read + " " + seven + " runs=" + runs[0] + " sum=" + sum;
    } finally {
      pool.shutdown();
    }
    return result + " terminated=" + pool.awaitTermination(10, TimeUnit.SECONDS);
  }

  /** Sums {@code from..to} by halves: forks the left half and computes the right one itself. */
  private static final class Sum extends RecursiveTask<Long> {
    private final int from;
    private final int to;

    Sum(int from, int to) {
      this.from = from;
      this.to = to;
    }

    @Override
    protected Long compute() {
      if (to - from <= 4) {
        long s = 0;
        for (int i = from; i <= to; i++) {
          s += i;
        }
        return s;
      }
      int mid = (from + to) >>> 1;
      Sum left = new Sum(from, mid);
      left.fork();
      long right = new Sum(mid + 1, to).compute();
      return left.join() + right;
    }
  }

  /** Writes {@code i * i} into slot {@code i} of a shared array (plain writes, joined later). */
  private static final class Square extends RecursiveAction {
    private final int[] a;
    private final int i;

    Square(int[] a, int i) {
      this.a = a;
      this.i = i;
    }

    @Override
    protected void compute() {
      a[i] = i * i;
    }
  }

  /**
   * Fork/join: a pool's invoke of a task that forks and joins, the static invokeAll of two tasks
   * and of a collection, and a pool's submit and get. Returns {@code "5050 [0, 1, 4, 9] 55"}.
   */
  public static String forkJoin() throws Exception {
    ForkJoinPool pool = new ForkJoinPool(2);
    try {
      long sum = pool.invoke(new Sum(1, 100));
      int[] a = new int[4];
      ForkJoinTask.invokeAll(new Square(a, 1), new Square(a, 2));
      ForkJoinTask.invokeAll(List.of(new Square(a, 3), new Square(a, 0)));
      ForkJoinTask<Long> f = pool.submit(new Sum(1, 10));
      return sum + " " + java.util.Arrays.toString(a) + " " + f.get();
    } finally {
      pool.shutdown();
    }
  }

  /**
   * A task handed to a service through {@code CompletableFuture.runAsync}, then the service's
   * {@code awaitTermination}: returns {@code "ran=1 terminated=true"}.
   */
  public static String runAsyncThenAwait() throws InterruptedException {
    ExecutorService pool = Executors.newSingleThreadExecutor(r -> new Thread(r, "worker"));
    int[] ran = new int[1];
    CompletableFuture.runAsync(() -> ran[0]++, pool);
    pool.shutdown();
    boolean done = pool.awaitTermination(10, TimeUnit.SECONDS);
    return "ran=" + ran[0] + " terminated=" + done;
  }

  /**
   * Three callables through an {@code ExecutorCompletionService}, their futures taken back in the
   * order they complete and read: returns {@code "sum=6"}.
   */
  public static String completionService() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2, r -> new Thread(r, "worker"));
    try {
      CompletionService<Integer> cs = new ExecutorCompletionService<>(pool);
      cs.submit(() -> 1);
      cs.submit(() -> 2);
      cs.submit(() -> {}, 3);
      int sum = 0;
      for (int i = 0; i < 3; i++) {
        sum += cs.take().get();
      }
      return "sum=" + sum;
    } finally {
      pool.shutdown();
    }
  }

  /**
   * invokeAny of a task that returns at once, one that fails and one that would sleep for a minute
   * (cancelled once the first has returned), then invokeAny of two that both fail: returns {@code
   * "fast failed"}.
   */
  public static String invokeAny() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(3, r -> new Thread(r, "worker"));
    try {
      Callable<String> fast = () -> "fast";
      Callable<String> failing =
          () -> {
            throw new IllegalStateException("no");
          };
      Callable<String> slow =
          () -> {
            Thread.sleep(60_000);
            return "slow";
          };
      String first = pool.invokeAny(List.of(failing, fast, slow));
      String second;
      try {
        second = pool.invokeAny(List.of(failing, failing));
      } catch (ExecutionException e) {
        second = "failed";
      }
      return first + " " + second;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Polls a future's {@code isDone}, then reads what its task wrote: returns {@code "cell=9"}. */
  public static String pollIsDone() {
    ExecutorService pool = Executors.newSingleThreadExecutor(r -> new Thread(r, "worker"));
    try {
      int[] cell = new int[1];
      Future<?> f = pool.submit(() -> cell[0] = 9);
      while (!f.isDone()) {
        Thread.onSpinWait();
      }
      return "cell=" + cell[0];
    } finally {
      pool.shutdown();
    }
  }

  /**
   * A task's future read after the collector has had the chance to take the task's wrapper, which
   * the executor drops once it has run: returns {@code "cell=4"}.
   */
  public static String getAfterACollection() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor(r -> new Thread(r, "worker"));
    try {
      int[] cell = new int[1];
      Future<?> f = pool.submit(() -> cell[0] = 4);
      while (!f.isDone()) {
        Thread.onSpinWait();
      }
      for (int i = 0; i < 5; i++) {
        System.gc();
        Thread.sleep(50);
      }
      f.get();
      return "cell=" + cell[0];
    } finally {
      pool.shutdown();
    }
  }

  /** Squares {@code a[lo, hi)} by halves with the unqualified invokeAll a compute usually calls. */
  private static final class Halves extends RecursiveAction {
    private final int[] a;
    private final int lo;
    private final int hi;

    Halves(int[] a, int lo, int hi) {
      this.a = a;
      this.lo = lo;
      this.hi = hi;
    }

    @Override
    protected void compute() {
      if (hi - lo <= 1) {
        if (hi > lo) {
          a[lo] = lo * lo;
        }
        return;
      }
      int mid = (lo + hi) >>> 1;
      invokeAll(new Halves(a, lo, mid), new Halves(a, mid, hi));
    }
  }

  /**
   * CountedCompleter's javadoc example (ForEach): squares {@code a[lo, hi)} (or, {@code byLoop},
   * puts {@code i + 1} in slot {@code i}), completing by {@code propagateCompletion} or, {@code
   * byLoop}, by the javadoc's firstComplete/nextComplete loop.
   */
  private static final class Squares extends CountedCompleter<Void> {
    private final int[] a;
    private final int lo;
    private final int hi;
    private final boolean byLoop;

    Squares(CountedCompleter<?> parent, int[] a, int lo, int hi, boolean byLoop) {
      super(parent);
      this.a = a;
      this.lo = lo;
      this.hi = hi;
      this.byLoop = byLoop;
    }

    @Override
    public void compute() {
      int l = lo;
      int h = hi;
      while (h - l >= 2) {
        int mid = (l + h) >>> 1;
        addToPendingCount(1);
        new Squares(this, a, mid, h, byLoop).fork();
        h = mid;
      }
      if (h > l) {
        a[l] = byLoop ? l + 1 : l * l;
      }
      if (!byLoop) {
        propagateCompletion();
        return;
      }
      for (CountedCompleter<?> c = firstComplete(); c != null; c = c.nextComplete()) {
        // each completed completer would combine its children here
      }
    }
  }

  /**
   * Fork/join as tasks are usually written: an unqualified invokeAll in compute, a
   * CountedCompleter, a Callable submitted to a pool typed ForkJoinPool, quietlyJoin. Returns
   * {@code "140 140 7 true"}.
   */
  public static String forkJoinAsWritten() throws Exception {
    ForkJoinPool pool = new ForkJoinPool(2);
    try {
      int[] a = new int[8];
      pool.invoke(new Halves(a, 0, 8));
      int[] b = new int[8];
      pool.invoke(new Squares(null, b, 0, 8, false));
      ForkJoinTask<Integer> f = pool.submit(() -> 7);
      Halves q = new Halves(new int[2], 0, 2);
      pool.execute(q);
      q.quietlyJoin();
      int[] sums = new int[2];
      for (int i = 0; i < 8; i++) {
        sums[0] += a[i];
        sums[1] += b[i];
      }
      return sums[0] + " " + sums[1] + " " + f.get() + " " + q.isDone();
    } finally {
      pool.shutdown();
    }
  }

  /**
   * A semaphore handing a value over (release → acquire; a failed tryAcquire), a barrier two
   * threads wait at, a phaser they arrive at and wait on, and an exchanger: returns {@code "1 2 3 4
   * false"}.
   */
  public static String permits() throws Exception {
    int[] cell = new int[4];
    Semaphore ready = new Semaphore(0);
    CyclicBarrier barrier = new CyclicBarrier(2);
    Phaser phaser = new Phaser(2);
    Exchanger<Integer> exchanger = new Exchanger<>();
    Thread worker =
        new Thread(
            () -> {
              try {
                cell[0] = 1;
                ready.release();
                cell[1] = 2;
                barrier.await();
                cell[2] = 3;
                phaser.arriveAndAwaitAdvance();
                exchanger.exchange(4);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            },
            "worker");
    worker.start();
    ready.acquire();
    int a = cell[0];
    barrier.await();
    int b = cell[1];
    phaser.arriveAndAwaitAdvance();
    int c = cell[2];
    int d = exchanger.exchange(0, 10, TimeUnit.SECONDS);
    boolean more = ready.tryAcquire();
    worker.join();
    return a + " " + b + " " + c + " " + d + " " + more;
  }

  /**
   * Tiered phasers (a worker arrives at one child, main waits at another: they advance together
   * with the root), a wait for a phase the phaser is not at (returns at once, waits for nothing),
   * and a timed wait for an advance: returns {@code "1 0 2"}.
   */
  public static String phasers() throws Exception {
    int[] cell = new int[2];
    Phaser root = new Phaser();
    Phaser mine = new Phaser(root, 1);
    Phaser theirs = new Phaser(root, 1);
    Phaser flat = new Phaser(2);
    Thread worker =
        new Thread(
            () -> {
              cell[0] = 1;
              theirs.arrive();
              cell[1] = 2;
              flat.arrive();
            },
            "worker");
    worker.start();
    mine.arriveAndAwaitAdvance();
    int a = cell[0];
    int elsewhere = flat.awaitAdvance(7); // flat is at phase 0: returns 0, waited for nothing
    int phase = flat.arrive();
    flat.awaitAdvanceInterruptibly(phase, 10, TimeUnit.SECONDS);
    int b = cell[1];
    worker.join();
    return a + " " + elsewhere + " " + b;
  }

  /** The firstComplete/nextComplete completer over 8 slots: returns {@code "36"}. */
  public static String completerLoops() {
    ForkJoinPool pool = new ForkJoinPool(2);
    try {
      int[] a = new int[8];
      pool.invoke(new Squares(null, a, 0, 8, true));
      int sum = 0;
      for (int x : a) {
        sum += x;
      }
      return Integer.toString(sum);
    } finally {
      pool.shutdown();
    }
  }
}
