package io.hbtrace.agent.schedule;

import io.hbtrace.traces.event.EventKind;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Explores the interleavings of a program that repeats one scenario (a workload run with {@code
 * --repeat}): each run, from one RUN_BEGIN event to the next, follows the choices of an {@link
 * ExploreStrategy}. One thread runs at a time. The thread holding the turn runs on through its
 * synchronization events; at each of its domain events (the tracepoints) it stops, and once the
 * program is quiet (every thread the scheduler knows waits at an event, is blocked, or has ended)
 * the strategy picks who goes next among the waiting threads. A waiting thread makes that decision
 * itself; there is no coordinator thread. A run is corrupt when its workload reports a wrong byte
 * (a VERIFY event with a bad offset). When the strategy has no further run, the report is written
 * and the program is stopped.
 *
 * <p>A thread woken by the holder (a lock handed over, a signal) is still seen as blocked until the
 * system runs it: after a holder released or sent anything, the decision waits for the threads
 * parked on a synchronizer that is free now to reach their events ({@link Wakes}). A run that still
 * turns out different from the run it was steered after is counted as nondeterministic.
 *
 * <p>Longer than most files here: the turn (holder, grant, version) and the run (its decisions, its
 * verdict) change together under one lock, and are kept together so that invariant reads in one
 * place; what is known of the threads is {@link ThreadCensus}.
 */
public final class ExploreScheduler implements Scheduler {
  private static final int LOCK_ACQUIRE = EventKind.LOCK_ACQUIRE.code();
  private static final int MONITOR_ENTER = EventKind.MONITOR_ENTER.code();
  private static final int RUN_BEGIN = EventKind.RUN_BEGIN.code();
  private static final int VERIFY = EventKind.VERIFY.code();
  private static final int FIRST_DOMAIN_CODE = EventKind.DIO_WRITE_BEGIN.code();
  private static final long SETTLE_NANOS = 5_000_000;
  private static final long PARKED_NANOS = 20_000;

  /**
   * How long the threads may all wait with nothing changing before the explorer gives up steering
   * (a state it cannot decide in, e.g. a thread the system failed to start): the program then runs
   * on unscheduled and the search ends, rather than the program hanging.
   */
  static final long STALL_NANOS = 30_000_000_000L;

  private final long stallNanos;
  private final ExploreStrategy strategy;
  private final ExploreReport report;
  private final PrintStream err;
  private final Runnable betweenRuns;
  private final SiteMap sites = new SiteMap(new String[] {""});
  private final Object lock = new Object();

  private final ThreadCensus census = new ThreadCensus();
  private final List<String> grants = new ArrayList<>();
  private Thread holder;
  private Thread lastHolder;
  private Thread granted;
  private long holderBlockedSince;

  /** Changes whenever a thread arrives, yields or is granted the turn. */
  private long version;

  /**
   * Whether the holder released or sent anything since the last decision (it may have woken one).
   */
  private boolean woke;

  private boolean inRun;
  private boolean corrupt;
  private boolean finished;
  private boolean free;
  private long watchedVersion = -1;
  private long watchedSince;

  /**
   * Explores with a bounded depth-first search ({@code mode} {@code dfs}, at most {@code
   * preemptions} per run) or random runs ({@code random}, seeded); at most {@code maxRuns} runs;
   * the report goes to {@code result} (if not null).
   */
  public static ExploreScheduler of(
      String mode,
      int preemptions,
      long maxRuns,
      long seed,
      Path result,
      PrintStream err,
      Runnable betweenRuns) {
    ExploreStrategy strategy =
        mode.equals("random") ? new RandomSearch(seed, 8, maxRuns) : new BoundedSearch(preemptions);
    return new ExploreScheduler(
        strategy, new ExploreReport(result, maxRuns), err, betweenRuns, STALL_NANOS);
  }

  /**
   * {@code betweenRuns} runs at each run's start, when only the thread starting it runs (the
   * recorder's housekeeping, which would otherwise contend with the explored threads at any time);
   * {@code stallNanos}: see {@link #STALL_NANOS}.
   */
  ExploreScheduler(
      ExploreStrategy strategy,
      ExploreReport report,
      PrintStream err,
      Runnable betweenRuns,
      long stallNanos) {
    this.stallNanos = stallNanos;
    this.strategy = strategy;
    this.report = report;
    this.err = err;
    this.betweenRuns = betweenRuns;
  }

  @Override
  public void siteDefined(int site, String className, String method, int line) {
    sites.define(site, className, method, line);
  }

  @Override
  public void threadSeen(Thread t) {
    census.entering();
    try {
      synchronized (lock) {
        census.seen(t);
      }
    } finally {
      census.entered();
    }
  }

  @Override
  public boolean awaitTurnBefore(int kind, int site) {
    if (kind != LOCK_ACQUIRE && kind != MONITOR_ENTER) {
      return true; // an atomic update: the holder runs through it, as through its events
    }
    // Nothing to decide before an acquire, but a thread the holder's last release woke takes the
    // lock first, as it would if the holder were slower to come back for it.
    census.entering();
    try {
      settleWoken(Thread.currentThread());
    } finally {
      census.entered();
    }
    return true;
  }

  /**
   * If {@code me} holds the turn and its last event may have woken threads, lets them get there.
   */
  private void settleWoken(Thread me) {
    List<Thread> waking = List.of();
    synchronized (lock) {
      if (holder == me && woke) {
        waking = census.waking();
        woke = false;
      }
    }
    if (!waking.isEmpty()) {
      settle(waking);
    }
  }

  @Override
  public void yieldTurn(Object on) {
    census.entering();
    try {
      synchronized (lock) {
        if (holder == Thread.currentThread()) {
          release();
        }
        census.blocks(Thread.currentThread(), on);
      }
    } finally {
      census.entered();
    }
  }

  @Override
  public void awaitTurn(int kind, int site, long f0, long f1, long f2, long f3, long f4, long f5) {
    Thread me = Thread.currentThread();
    boolean wait;
    census.entering();
    try {
      settleWoken(me);
      synchronized (lock) {
        wait = arrive(me, kind, site, f3);
      }
    } finally {
      census.entered();
    }
    if (wait) {
      awaitGrant(me);
    }
  }

  /** Registers an event of {@code me}; false if it goes on at once (or runs unscheduled). */
  private boolean arrive(Thread me, int kind, int site, long f3) {
    if (free) {
      return false;
    }
    census.seen(me);
    if (holder == me && kind < FIRST_DOMAIN_CODE) {
      woke = Wakes.mayWake(kind);
      return false;
    }
    if (kind == RUN_BEGIN && !startRun()) {
      holdUntilExit();
    }
    if (kind == VERIFY && f3 >= 0) {
      corrupt = true;
    }
    if (holder == me) {
      release();
      woke = Wakes.mayWake(kind);
    }
    census.waits(me, sites.describe(kind, site));
    version++;
    lock.notifyAll();
    return true;
  }

  /** Waits until this thread is granted the turn, deciding who goes next when it can. */
  private void awaitGrant(Thread me) {
    for (; ; ) {
      long seen;
      List<Thread> waking;
      synchronized (lock) {
        if (granted == me || free) {
          take(me);
          return;
        }
        if (!canDecide()) {
          if (stalled()) {
            giveUp();
            take(me);
            return;
          }
          waitBriefly();
          continue;
        }
        seen = version;
        waking = woke ? census.waking() : List.of();
      }
      if (!waking.isEmpty()) {
        settle(waking);
      }
      synchronized (lock) {
        if (version == seen && canDecide()) {
          woke = false;
          decide();
        }
        if (granted == me || free) {
          take(me);
          return;
        }
        waitBriefly();
      }
    }
  }

  /** True once nothing has changed ({@link #version}) for its stall time. */
  private boolean stalled() {
    long now = System.nanoTime();
    if (version != watchedVersion) {
      watchedVersion = version;
      watchedSince = now;
      return false;
    }
    return now - watchedSince > stallNanos;
  }

  private void giveUp() {
    err.println(
        "hbtrace-agent: explore: no thread could go on for "
            + stallNanos / 1_000_000
            + " ms (waiting: "
            + census.waiting().stream().map(t -> t.getName() + " at " + census.where(t)).toList()
            + "); the program runs on unscheduled and the search ends here");
    free = true;
    lock.notifyAll();
  }

  private void take(Thread me) {
    census.goes(me);
    if (granted == me) {
      granted = null;
      holder = me;
      holderBlockedSince = 0;
      version++;
    }
  }

  private void waitBriefly() {
    try {
      lock.wait(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the program's own interrupt: keep it for the program
    }
  }

  /**
   * No turn is held or given, and the program is quiet; a blocked or ended holder loses its turn.
   */
  private boolean canDecide() {
    if (holder != null && !holderStuck()) {
      return false;
    }
    return granted == null && census.anyWaiting() && census.quiet();
  }

  /**
   * A holder that blocked where no hook saw it, or ended, cannot go on: its turn ends. Parked (on a
   * lock another thread holds) it is stuck at once; blocked on a monitor it gets longer, since a
   * thread that ends or starts another briefly contends for its thread group's.
   */
  private boolean holderStuck() {
    Thread.State s = holder.getState();
    long now = System.nanoTime();
    if (s == Thread.State.TERMINATED) {
      release();
      return true;
    }
    if (s != Thread.State.WAITING && s != Thread.State.BLOCKED) {
      holderBlockedSince = 0;
      return false;
    }
    if (holderBlockedSince == 0) {
      holderBlockedSince = now;
    }
    long patience = s == Thread.State.WAITING ? PARKED_NANOS : ThreadCensus.MONITOR_NANOS;
    if (now - holderBlockedSince > patience) {
      census.blocks(holder, null);
      release();
      return true;
    }
    return false;
  }

  /**
   * Gives the threads the holder woke time to reach their events (at most {@link #SETTLE_NANOS}).
   */
  private void settle(List<Thread> waking) {
    long end = System.nanoTime() + SETTLE_NANOS;
    while (System.nanoTime() < end) {
      synchronized (lock) {
        waking.removeIf(census::settled);
        if (waking.isEmpty()) {
          return;
        }
      }
      Thread.onSpinWait();
    }
  }

  private void release() {
    if (holder.getState() == Thread.State.TERMINATED) {
      woke = true; // its joiner may be waking
    }
    lastHolder = holder;
    holder = null;
    version++;
    lock.notifyAll();
  }

  private void decide() {
    List<Thread> offered = census.waiting();
    List<String> names = new ArrayList<>();
    for (Thread t : offered) {
      names.add(t.getName());
    }
    int last = offered.indexOf(lastHolder);
    int pick = inRun ? strategy.choose(names, last) : Math.max(last, 0);
    Thread chosen = offered.get(pick);
    if (inRun) {
      grants.add(chosen.getName() + " " + census.where(chosen));
    }
    granted = chosen;
    version++;
    lock.notifyAll();
  }

  /** At a RUN_BEGIN: closes the run before; false if exploring is over (the program stops). */
  private boolean startRun() {
    if (inRun) {
      report.ran(corrupt, grants);
      if (!strategy.runEnded() || report.runs >= report.maxRuns) {
        stop();
        return false;
      }
    }
    betweenRuns.run();
    inRun = true;
    corrupt = false;
    grants.clear();
    strategy.runStarted();
    return true;
  }

  private void stop() {
    free = true;
    lock.notifyAll();
    writeReport();
    // Exploring is this JVM's whole job: once every run is tried, the program has no more to do.
    new Thread(() -> Runtime.getRuntime().exit(0), "hbtrace-explore-done").start();
  }

  /** Keeps the program's next run from starting while the JVM stops. */
  private void holdUntilExit() {
    for (; ; ) {
      try {
        lock.wait();
      } catch (InterruptedException e) {
        // the JVM is stopping; keep waiting for it
      }
    }
  }

  private void writeReport() {
    report.exhausted = strategy.exhausted();
    report.nondeterministicRuns = strategy.nondeterministicRuns();
    report.search = strategy.describe();
    report.write(err);
    finished = true;
  }

  @Override
  public void finish() {
    synchronized (lock) {
      if (finished) {
        return;
      }
      if (inRun) {
        report.ran(corrupt, grants);
        strategy.runEnded();
        inRun = false;
      }
      free = true;
      lock.notifyAll();
      writeReport();
    }
  }
}
