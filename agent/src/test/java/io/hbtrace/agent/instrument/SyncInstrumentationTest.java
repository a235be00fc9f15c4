package io.hbtrace.agent.instrument;

import static io.hbtrace.traces.event.EventKind.HANDOFF_RECEIVE;
import static io.hbtrace.traces.event.EventKind.HANDOFF_SEND;
import static io.hbtrace.traces.event.EventKind.LOCK_ACQUIRE;
import static io.hbtrace.traces.event.EventKind.LOCK_RELEASE;
import static io.hbtrace.traces.event.EventKind.MONITOR_ENTER;
import static io.hbtrace.traces.event.EventKind.MONITOR_EXIT;
import static io.hbtrace.traces.event.EventKind.OBJECT_FREE;
import static io.hbtrace.traces.event.EventKind.THREAD_JOIN;
import static io.hbtrace.traces.event.EventKind.THREAD_START;
import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.agent.testing.Instrumented;
import io.hbtrace.agent.testing.MemoryTraceOutput.Ev;
import io.hbtrace.agenttest.ExecutorEdges;
import io.hbtrace.agenttest.FailedOperations;
import io.hbtrace.agenttest.StampedLocks;
import io.hbtrace.agenttest.SyncPrograms;
import io.hbtrace.agenttest.SynchronizedMethods;
import io.hbtrace.traces.event.Handoff;
import io.hbtrace.traces.event.LockMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each synchronization idiom, transformed by the real instrumentation and run in-process. */
class SyncInstrumentationTest {

  /** Every acquire is released by the same thread, in order, and nothing stays held. */
  static void assertPaired(List<Ev> events) {
    Map<String, Integer> held = new HashMap<>();
    for (Ev e : events) {
      String key;
      int d;
      switch (e.kind()) {
        case LOCK_ACQUIRE, LOCK_RELEASE -> {
          key = "lock " + e.thread() + " " + e.f(0) + " " + e.f(1);
          d = e.kind() == LOCK_ACQUIRE ? 1 : -1;
        }
        case MONITOR_ENTER, MONITOR_EXIT -> {
          key = "monitor " + e.thread() + " " + e.f(0);
          d = e.kind() == MONITOR_ENTER ? 1 : -1;
        }
        default -> {
          continue;
        }
      }
      int n = held.merge(key, d, Integer::sum);
      assertThat(n).as("release without acquire: %s", e).isGreaterThanOrEqualTo(0);
    }
    held.values().removeIf(v -> v == 0);
    assertThat(held).as("held at the end").isEmpty();
  }

  @Test
  void monitorBlockRecordsEnterAndExitOnTheSameObject() throws Throwable {
    try (Instrumented in = new Instrumented()) {
      in.call(SyncPrograms.class, "monitorBlock");
      List<Ev> ev = in.out.events(MONITOR_ENTER, MONITOR_EXIT);
      assertThat(ev).extracting(Ev::kind).containsExactly(MONITOR_ENTER, MONITOR_EXIT);
      assertThat(ev.get(0).f(0)).isEqualTo(ev.get(1).f(0)).isPositive();
      var site = in.out.site(ev.get(0).site());
      assertThat(site.className()).isEqualTo(SyncPrograms.class.getName());
      assertThat(site.method()).isEqualTo("monitorBlock");
      assertThat(site.sourceFile()).isEqualTo("SyncPrograms.java");
      assertThat(site.line()).isPositive();
    }
  }

  /** What {@link SynchronizedMethods#run} prints when every method held its monitor inside. */
  private static final String HELD_INSIDE = "3 7 3.5 inside 3 caught inside true free=true";

  @Test
  void synchronizedMethodsRecordTheirMonitor() throws Throwable {
    try (Instrumented in = new Instrumented()) {
      assertThat(in.call(SynchronizedMethods.class, "run"))
          .isEqualTo(HELD_INSIDE + " synchronized=true");
      List<Ev> ev = in.out.events(MONITOR_ENTER, MONITOR_EXIT);
      assertThat(ev).hasSize(2 * 10); // add x2, half, fail, depth x4, caught, holdsClass
      assertPaired(ev);
    }
  }

  /**
   * In a replay or an exploration a synchronized method is a synchronized block on the same
   * monitor, so that it is entered in its turn: the same monitor is held inside, on every way out
   * it is released, and the same events are recorded.
   */
  @Test
  void aScheduledRunMakesSynchronizedMethodsBlocksOnTheSameMonitor() throws Throwable {
    try (Instrumented in =
        new Instrumented("spec 1\ninclude io.hbtrace.agenttest.\n", false, true)) {
      assertThat(in.call(SynchronizedMethods.class, "run"))
          .isEqualTo(HELD_INSIDE + " synchronized=false");
      List<Ev> ev = in.out.events(MONITOR_ENTER, MONITOR_EXIT);
      assertThat(ev).hasSize(2 * 10);
      assertPaired(ev);
      var site = in.out.site(ev.get(0).site());
      assertThat(site.method()).isEqualTo("add");
      assertThat(site.line()).isPositive();
      assertThat(in.problems()).isEmpty();
    }
  }

  /** The rewritten method's monitor is released however deep the stack overflowed. */
  @Test
  void aStackOverflowInASynchronizedMethodOfAScheduledRunReleasesItsMonitor() throws Throwable {
    try (Instrumented in =
        new Instrumented("spec 1\ninclude io.hbtrace.agenttest.\n", false, true)) {
      assertThat(in.call(SynchronizedMethods.class, "overflows")).isEqualTo(20);
      List<Ev> ev = in.out.events(MONITOR_ENTER, MONITOR_EXIT);
      long enters = ev.stream().filter(e -> e.kind() == MONITOR_ENTER).count();
      assertThat(enters).isGreaterThan(20 * 100);
      // only hooks of the deepest frames, where not even the hook fits, are lost
      assertThat(Math.abs(enters - (ev.size() - enters))).isLessThan(20 * 64);
    }
  }

  @Test
  void aLoopFirstInABlockVerifiesAndEntersOnce() throws Throwable {
    try (Instrumented in = new Instrumented()) {
      assertThat(in.call(SyncPrograms.class, "loopsFirstInBlocks")).isEqualTo(9);
      List<Ev> ev = in.out.events(MONITOR_ENTER, MONITOR_EXIT);
      assertThat(ev).hasSize(6); // one enter and one exit per block, not one per iteration
      assertPaired(ev);
    }
  }

  @Test
  void monitorBlockExitedByAnExceptionIsReleased() throws Throwable {
    try (Instrumented in = new Instrumented()) {
      assertThat(in.call(SyncPrograms.class, "monitorBlockThrows")).isEqualTo(1);
      List<Ev> ev = in.out.events(MONITOR_ENTER, MONITOR_EXIT);
      assertThat(ev).extracting(Ev::kind).containsExactly(MONITOR_ENTER, MONITOR_EXIT);
      assertPaired(ev);
    }
  }

  @Test
  void aStackOverflowAtABlocksEndUnwindsInsteadOfSpinning() throws Throwable {
    try (Instrumented in = new Instrumented()) {
      assertThat(in.call(SyncPrograms.class, "overflowsInBlocks")).isEqualTo(20);
      List<Ev> ev = in.out.events(MONITOR_ENTER, MONITOR_EXIT);
      long enters = ev.stream().filter(e -> e.kind() == MONITOR_ENTER).count();
      long exits = ev.size() - enters;
      assertThat(enters).isGreaterThan(20 * 100);
      // only hooks of the deepest frames, where not even the hook fits, are lost
      assertThat(Math.abs(enters - exits)).isLessThan(20 * 64);
    }
  }

  @Test
  void synchronizedMethodsIncludingStaticAndThrowing() throws Throwable {
    try (Instrumented in = new Instrumented()) {
      assertThat(in.call(SyncPrograms.class, "synchronizedMethods")).isEqualTo(5);
      List<Ev> ev = in.out.events(MONITOR_ENTER, MONITOR_EXIT);
      assertThat(ev).hasSize(8);
      assertPaired(ev);
      Set<Long> monitors = new HashSet<>();
      ev.forEach(e -> monitors.add(e.f(0)));
      assertThat(monitors).hasSize(2); // the instance and the class
      assertThat(in.out.site(ev.get(0).site()).method()).isEqualTo("add");
    }
  }

  @Test
  void reentrantLockWithTryLockFailureUnrecorded() throws Throwable {
    try (Instrumented in = new Instrumented()) {
      assertThat(in.call(SyncPrograms.class, "reentrantLock")).isEqualTo(0);
      List<Ev> ev = in.out.events(LOCK_ACQUIRE, LOCK_RELEASE);
      // main: lock/unlock, tryLock/unlock; holder: lock/unlock; the failed tryLock is absent
      assertThat(ev).hasSize(6);
      assertThat(ev).extracting(e -> e.f(0)).containsOnly(ev.get(0).f(0));
      assertThat(ev).allMatch(e -> e.f(1) == LockMode.EXCLUSIVE);
      assertPaired(ev);
    }
  }

  @Test
  void readWriteLockViewsShareOneIdWithTheirModes() throws Throwable {
    try (Instrumented in = new Instrumented()) {
      in.call(SyncPrograms.class, "readWriteLock");
      List<Ev> ev = in.out.events(LOCK_ACQUIRE, LOCK_RELEASE);
      assertThat(ev).hasSize(4);
      assertThat(ev).extracting(e -> e.f(0)).containsOnly(ev.get(0).f(0));
      assertThat(ev)
          .extracting(e -> (int) e.f(1))
          .containsExactly(
              LockMode.SHARED, LockMode.SHARED, LockMode.EXCLUSIVE, LockMode.EXCLUSIVE);
      assertPaired(ev);
    }
  }

  @Test
  void customReadWriteLockViewsAreTiedAtTheirCallSites() throws Throwable {
    try (Instrumented in = new Instrumented()) {
      in.call(SyncPrograms.class, "customReadWriteLock");
      List<Ev> ev = in.out.events(LOCK_ACQUIRE, LOCK_RELEASE);
      assertThat(ev).hasSize(4);
      assertThat(ev).extracting(e -> e.f(0)).containsOnly(ev.get(0).f(0));
      assertThat(ev)
          .extracting(e -> (int) e.f(1))
          .containsExactly(
              LockMode.SHARED, LockMode.SHARED, LockMode.EXCLUSIVE, LockMode.EXCLUSIVE);
    }
  }

  @Test
  void threadStartAndJoin() throws Throwable {
    try (Instrumented in = new Instrumented()) {
      assertThat(in.call(SyncPrograms.class, "threads")).isEqualTo(43);
      List<Ev> ev = in.out.events(THREAD_START, THREAD_JOIN);
      assertThat(ev)
          .extracting(Ev::kind)
          .containsExactly(THREAD_START, THREAD_JOIN, THREAD_START, THREAD_JOIN);
      assertThat(in.out.threadName((int) ev.get(0).f(0))).isEqualTo("child");
      assertThat(ev.get(1).f(0)).isEqualTo(ev.get(0).f(0));
      assertThat(in.out.threadName((int) ev.get(2).f(0))).isEqualTo("timed");
    }
  }

  /** Every receive on a channel follows a send on it. */
  static void assertHandoffs(List<Ev> ev, int how, int pairsAtLeast) {
    Set<Long> sent = new HashSet<>();
    int received = 0;
    for (Ev e : ev) {
      if (e.f(1) != how) {
        continue;
      }
      if (e.kind() == HANDOFF_SEND) {
        sent.add(e.f(0));
      } else {
        assertThat(sent).as("receive before send: %s", e).contains(e.f(0));
        received++;
      }
    }
    assertThat(received).isGreaterThanOrEqualTo(pairsAtLeast);
  }

  @Test
  void executorSubmitRunCompletionAndGet() throws Throwable {
    try (Instrumented in = new Instrumented()) {
      assertThat(in.call(SyncPrograms.class, "executor")).isEqualTo(12);
      List<Ev> ev = in.out.events(HANDOFF_SEND, HANDOFF_RECEIVE);
      assertHandoffs(ev, Handoff.EXECUTOR, 3);
      assertHandoffs(ev, Handoff.FUTURE, 3);
      // the receive of each task runs on the worker thread
      assertThat(ev)
          .filteredOn(e -> e.kind() == HANDOFF_RECEIVE && e.f(1) == Handoff.EXECUTOR)
          .allMatch(e -> in.out.threadName(e.thread()).equals("worker"));
    }
  }

  /**
   * Scheduled tasks (once and periodic), invokeAll and awaitTermination: each receive on the
   * calling thread takes a completion the worker sent on the same channel; the periodic task's runs
   * each receive on it too.
   */
  @Test
  void scheduledTasksInvokeAllAndAwaitTerminationHandOver() throws Throwable {
    try (Instrumented in = new Instrumented()) {
      assertThat(in.call(ExecutorEdges.class, "scheduledAndInvoked"))
          .isEqualTo("5 7 runs=3 sum=6 terminated=true");
      List<Ev> ev = in.out.events(HANDOFF_SEND, HANDOFF_RECEIVE);
      assertHandoffs(ev, Handoff.EXECUTOR, 2 + 3 + 3);
      assertHandoffs(ev, Handoff.FUTURE, 2 + 3 + 1);
      List<Ev> mainReceives =
          ev.stream()
              .filter(e -> e.kind() == HANDOFF_RECEIVE && e.f(1) == Handoff.FUTURE)
              .filter(e -> !in.out.threadName(e.thread()).equals("worker"))
              .toList();
      // two gets, three futures of invokeAll (their gets after it receive again), the termination
      assertThat(mainReceives).hasSizeGreaterThanOrEqualTo(2 + 3 + 1);
      Set<Long> workerSent = new HashSet<>();
      for (Ev e : ev) {
        if (e.kind() == HANDOFF_SEND && in.out.threadName(e.thread()).equals("worker")) {
          workerSent.add(e.f(0));
        }
      }
      assertThat(mainReceives).allMatch(e -> workerSent.contains(e.f(0)));
      // awaitTermination receives on the pool, on which every task's end sent
      Ev last = mainReceives.get(mainReceives.size() - 1);
      assertThat(ev)
          .filteredOn(e -> e.kind() == HANDOFF_SEND && e.f(0) == last.f(0))
          .hasSizeGreaterThanOrEqualTo(2 + 3 + 3);
    }
  }

  /**
   * Fork/join: every wait for a task (join, invoke, invokeAll, get) receives what the task's
   * compute sent at its end, on the task; the pool's workers compute and send.
   */
  @Test
  void forkJoinTasksHandOverToTheirJoins() throws Throwable {
    try (Instrumented in = new Instrumented()) {
      assertThat(in.call(ExecutorEdges.class, "forkJoin")).isEqualTo("5050 [0, 1, 4, 9] 55");
      List<Ev> ev = in.out.events(HANDOFF_SEND, HANDOFF_RECEIVE);
      Set<Long> ended = new HashSet<>();
      Set<String> senders = new HashSet<>();
      int mainReceives = 0;
      int receives = 0;
      for (Ev e : ev) {
        if (e.f(1) != Handoff.FUTURE) {
          continue;
        }
        String thread = in.out.threadName(e.thread());
        if (e.kind() == HANDOFF_SEND) {
          ended.add(e.f(0));
          senders.add(thread);
        } else {
          assertThat(ended).as("a wait before its task's end: %s", e).contains(e.f(0));
          receives++;
          if (!thread.startsWith("ForkJoinPool")) {
            mainReceives++;
          }
        }
      }
      // invoke, two invokeAll of two tasks each, and submit's get
      assertThat(mainReceives).isGreaterThanOrEqualTo(1 + 2 + 2 + 1);
      // and the joins of the forked halves: 31 in the sum of 1..100, one in that of 1..10
      assertThat(receives).isGreaterThanOrEqualTo(mainReceives + 31 + 1);
      assertThat(senders).anyMatch(t -> t.startsWith("ForkJoinPool-"));
      // the sum of 1..100 computes 63 tasks (31 split, 32 add at most 5 numbers)
      assertThat(ev)
          .filteredOn(e -> e.kind() == HANDOFF_SEND && e.f(1) == Handoff.FUTURE)
          .hasSizeGreaterThanOrEqualTo(63);
    }
  }

  /** A task given to a service through CompletableFuture ends for its awaitTermination too. */
  @Test
  void aRunAsyncTaskOnAServiceHandsOverToItsAwaitTermination() throws Throwable {
    try (Instrumented in = new Instrumented()) {
      assertThat(in.call(ExecutorEdges.class, "runAsyncThenAwait"))
          .isEqualTo("ran=1 terminated=true");
      List<Ev> ev = in.out.events(HANDOFF_SEND, HANDOFF_RECEIVE);
      Ev await = ev.get(ev.size() - 1);
      assertThat(await.kind()).isEqualTo(HANDOFF_RECEIVE);
      assertThat(ev)
          .filteredOn(e -> e.kind() == HANDOFF_SEND && e.f(0) == await.f(0))
          .extracting(e -> in.out.threadName(e.thread()))
          .containsExactly("worker");
    }
  }

  /** A completion service's futures, taken back and read, receive what their tasks' ends sent. */
  @Test
  void completionServiceTasksHandOverToTheGetsOfTheirTakenFutures() throws Throwable {
    try (Instrumented in = new Instrumented()) {
      assertThat(in.call(ExecutorEdges.class, "completionService")).isEqualTo("sum=6");
      List<Ev> ev = in.out.events(HANDOFF_SEND, HANDOFF_RECEIVE);
      assertHandoffs(ev, Handoff.EXECUTOR, 3);
      assertHandoffs(ev, Handoff.FUTURE, 3);
      assertThat(ev)
          .filteredOn(e -> e.kind() == HANDOFF_SEND && e.f(1) == Handoff.FUTURE)
          .extracting(e -> in.out.threadName(e.thread()))
          .hasSize(3)
          .containsOnly("worker");
    }
  }

  /**
   * invokeAny receives the end of the task whose result it returned (not the failed or cancelled
   * ones), and, when every task failed, the end of each.
   */
  @Test
  void invokeAnyReceivesTheTaskWhoseResultItReturned() throws Throwable {
    try (Instrumented in = new Instrumented()) {
      assertThat(in.call(ExecutorEdges.class, "invokeAny")).isEqualTo("fast failed");
      List<Ev> ev = in.out.events(HANDOFF_SEND, HANDOFF_RECEIVE);
      assertHandoffs(ev, Handoff.FUTURE, 3);
      List<Ev> onMain =
          ev.stream()
              .filter(e -> e.kind() == HANDOFF_RECEIVE && e.f(1) == Handoff.FUTURE)
              .filter(e -> !in.out.threadName(e.thread()).equals("worker"))
              .toList();
      // the fast task's end, then the two failures
      assertThat(onMain).hasSize(3);
      assertThat(onMain.stream().map(e -> e.f(0)).distinct()).hasSize(3);
    }
  }

  /** A future polled until done receives its task's end once, when seen done. */
  @Test
  void aFutureSeenDoneReceivesItsTasksEnd() throws Throwable {
    try (Instrumented in = new Instrumented()) {
      assertThat(in.call(ExecutorEdges.class, "pollIsDone")).isEqualTo("cell=9");
      List<Ev> ev = in.out.events(HANDOFF_SEND, HANDOFF_RECEIVE);
      assertHandoffs(ev, Handoff.FUTURE, 1);
      assertThat(ev)
          .filteredOn(e -> e.kind() == HANDOFF_RECEIVE && e.f(1) == Handoff.FUTURE)
          .extracting(e -> in.out.threadName(e.thread()))
          .containsExactly("main");
    }
  }

  /**
   * The future shares its task wrapper's id and outlives it: the id is not freed (which would drop
   * the channel's clock in the analyzer) before the future's get receives on it.
   */
  @Test
  void aFuturesChannelIsNotFreedWithItsTaskWrapper() throws Throwable {
    try (Instrumented in = new Instrumented()) {
      in.recorder
          .startHousekeeping(); // deaths reported as the collector finds them, as in an agent
      assertThat(in.call(ExecutorEdges.class, "getAfterACollection")).isEqualTo("cell=4");
      List<Ev> ev = in.out.events(HANDOFF_RECEIVE, OBJECT_FREE);
      Set<Long> freedSoFar = new HashSet<>();
      int gets = 0;
      for (Ev e : ev) {
        if (e.kind() == OBJECT_FREE) {
          freedSoFar.add(e.f(0));
        } else if (e.f(1) == Handoff.FUTURE) {
          assertThat(freedSoFar).as("channel freed before %s", e).doesNotContain(e.f(0));
          gets++;
        }
      }
      assertThat(gets).isEqualTo(2); // isDone, then get
    }
  }

  /**
   * Fork/join as usually written: every wait receives on a channel its task sent on; a completer's
   * root receives from each of its subtasks' completions; the unqualified invokeAll in compute
   * receives both halves.
   */
  @Test
  void forkJoinAsUsuallyWrittenHandsOver() throws Throwable {
    try (Instrumented in = new Instrumented()) {
      assertThat(in.call(ExecutorEdges.class, "forkJoinAsWritten")).isEqualTo("140 140 7 true");
      List<Ev> ev = in.out.events(HANDOFF_SEND, HANDOFF_RECEIVE);
      Map<Long, Integer> sends = new HashMap<>();
      List<Ev> onMain = new ArrayList<>();
      int receives = 0;
      for (Ev e : ev) {
        if (e.f(1) != Handoff.FUTURE) {
          continue;
        }
        if (e.kind() == HANDOFF_SEND) {
          sends.merge(e.f(0), 1, Integer::sum);
          continue;
        }
        assertThat(sends).as("a wait before its task's end: %s", e).containsKey(e.f(0));
        receives++;
        if (!in.out.threadName(e.thread()).startsWith("ForkJoinPool")) {
          onMain.add(e);
        }
      }
      // invoke, invoke, get, quietlyJoin, isDone
      assertThat(onMain).hasSize(5);
      // the completer's 8 tasks each completed up to the root the second invoke waited for
      assertThat(sends.get(onMain.get(1).f(0))).isGreaterThanOrEqualTo(8);
      // 7 + 1 unqualified invokeAll of two halves each
      assertThat(receives).isGreaterThanOrEqualTo(5 + 2 * 8);
    }
  }

  /**
   * The latch receives of threads other than "worker", each checked to be on a channel "worker"
   * sent on before it.
   */
  private static List<Ev> latchReceivesFromTheWorker(Instrumented in) {
    Set<Long> workerSent = new HashSet<>();
    List<Ev> receives = new ArrayList<>();
    for (Ev e : in.out.events(HANDOFF_SEND, HANDOFF_RECEIVE)) {
      boolean worker = in.out.threadName(e.thread()).equals("worker");
      if (e.kind() == HANDOFF_SEND && worker) {
        workerSent.add(e.f(0));
      } else if (e.kind() == HANDOFF_RECEIVE && !worker && e.f(1) == Handoff.LATCH) {
        assertThat(workerSent).as("received before the worker sent: %s", e).contains(e.f(0));
        receives.add(e);
      }
    }
    return receives;
  }

  /**
   * Semaphore, barrier, phaser and exchanger: each of main's receives (one per structure; not the
   * failed tryAcquire) is on a channel the worker sent on before it.
   */
  @Test
  void semaphoreBarrierPhaserAndExchangerHandOver() throws Throwable {
    try (Instrumented in = new Instrumented()) {
      assertThat(in.call(ExecutorEdges.class, "permits")).isEqualTo("1 2 3 4 false");
      List<Ev> mainReceives = latchReceivesFromTheWorker(in);
      assertThat(mainReceives).hasSize(4);
      assertThat(mainReceives.stream().map(e -> e.f(0)).distinct()).hasSize(4);
    }
  }

  /**
   * Tiered phasers share their root as the channel; a wait for a phase the phaser is not at
   * receives nothing; a timed wait for an advance receives.
   */
  @Test
  void phasersReceiveOnlyAnAdvanceOnTheirRoot() throws Throwable {
    try (Instrumented in = new Instrumented()) {
      assertThat(in.call(ExecutorEdges.class, "phasers")).isEqualTo("1 0 2");
      List<Ev> mainReceives = latchReceivesFromTheWorker(in);
      assertThat(mainReceives).hasSize(2); // the tiered advance, the timed wait
    }
  }

  /** A completer completed by firstComplete/nextComplete hands over to the invoke of its root. */
  @Test
  void aCompleterCompletedByItsLoopHandsOverToItsRoot() throws Throwable {
    try (Instrumented in = new Instrumented()) {
      assertThat(in.call(ExecutorEdges.class, "completerLoops")).isEqualTo("36");
      List<Ev> ev = in.out.events(HANDOFF_SEND, HANDOFF_RECEIVE);
      Ev invoked =
          ev.stream()
              .filter(e -> e.kind() == HANDOFF_RECEIVE && e.f(1) == Handoff.FUTURE)
              .filter(e -> !in.out.threadName(e.thread()).startsWith("ForkJoinPool"))
              .findFirst()
              .orElseThrow();
      // the root's own end, and each of the 8 tasks' completion up to it
      assertThat(ev)
          .filteredOn(e -> e.kind() == HANDOFF_SEND && e.f(0) == invoked.f(0))
          .hasSizeGreaterThanOrEqualTo(1 + 8);
    }
  }

  /**
   * A StampedLock's write and read locks pair up per thread, all on the lock's one identity, the
   * read ones shared; its write view is the same lock.
   */
  @Test
  void stampedLockModesAreTheLocksOwn() throws Throwable {
    try (Instrumented in = new Instrumented()) {
      assertThat(in.call(StampedLocks.class, "run")).isEqualTo("n=1000");
      List<Ev> ev = in.out.events(LOCK_ACQUIRE, LOCK_RELEASE);
      assertPaired(ev);
      assertThat(ev.stream().map(e -> e.f(0)).distinct()).hasSize(1);
      List<Ev> acquires = in.out.events(LOCK_ACQUIRE);
      assertThat(acquires).hasSize(1000 + 4);
      assertThat(acquires).filteredOn(e -> e.f(1) == 1).hasSize(2);
    }
  }

  /** Wrapped tasks would break a pool that orders them: its hand-offs are left as they are. */
  @Test
  void aPoolOverAPriorityQueueRunsItsTasksInTheirOrder() throws Throwable {
    try (Instrumented in = new Instrumented()) {
      assertThat(in.call(ExecutorEdges.class, "priorityPool")).isEqualTo("first high low");
      assertThat(in.out.events(HANDOFF_SEND, HANDOFF_RECEIVE))
          .noneMatch(e -> e.f(1) == Handoff.EXECUTOR);
    }
  }

  @Test
  void aFailedTaskOrExceptionalCompletionStillHandsOverToItsGetOrJoin() throws Throwable {
    try (Instrumented in = new Instrumented()) {
      assertThat(in.call(ExecutorEdges.class, "failures")).isEqualTo(2);
      List<Ev> ev = in.out.events(HANDOFF_SEND, HANDOFF_RECEIVE);
      assertHandoffs(ev, Handoff.FUTURE, 2);
      assertThat(ev)
          .filteredOn(e -> e.kind() == HANDOFF_SEND && e.f(1) == Handoff.FUTURE)
          .allMatch(e -> in.out.threadName(e.thread()).equals("worker"));
    }
  }

  @Test
  void aCompletionThatCannotTakeEffectSendsNothing() throws Throwable {
    try (Instrumented in = new Instrumented()) {
      assertThat(in.call(ExecutorEdges.class, "completedTwice")).isEqualTo(true);
      assertThat(in.out.events(HANDOFF_SEND)).hasSize(1);
    }
  }

  /**
   * What throws at once is not recorded as having happened (acquires and releases still pair up,
   * and nothing is sent), and awaitUntil releases its lock and receives its signal like await.
   */
  @Test
  void operationsThatThrowAtOnceRecordNothingAndAwaitUntilIsAWait() throws Throwable {
    try (Instrumented in = new Instrumented()) {
      assertThat(in.call(FailedOperations.class, "run")).isEqualTo(109);
      assertPaired(in.out.events(LOCK_ACQUIRE, LOCK_RELEASE));
      assertPaired(in.out.events(MONITOR_ENTER, MONITOR_EXIT));
      assertThat(in.out.events(THREAD_START)).hasSize(2); // once, signaller
      List<Ev> notify =
          in.out.events(HANDOFF_SEND, HANDOFF_RECEIVE).stream()
              .filter(e -> e.f(1) == Handoff.NOTIFY)
              .toList();
      assertThat(notify).filteredOn(e -> e.kind() == HANDOFF_SEND).hasSize(1); // the signalAll
      assertThat(notify)
          .filteredOn(e -> e.kind() == HANDOFF_RECEIVE)
          .isNotEmpty()
          .allMatch(e -> in.out.threadName(e.thread()).equals("main"));
      assertThat(notify)
          .filteredOn(e -> e.kind() == HANDOFF_RECEIVE)
          .allMatch(e -> e.f(0) == notify.get(0).f(0)); // only the condition awaitUntil waited on
    }
  }

  @Test
  void countDownLatch() throws Throwable {
    try (Instrumented in = new Instrumented()) {
      in.call(SyncPrograms.class, "latch");
      List<Ev> ev = in.out.events(HANDOFF_SEND, HANDOFF_RECEIVE);
      assertHandoffs(ev, Handoff.LATCH, 1);
    }
  }

  @Test
  void waitReleasesAndReacquiresTheMonitorAndReceivesTheNotify() throws Throwable {
    try (Instrumented in = new Instrumented()) {
      assertThat(in.call(SyncPrograms.class, "waitNotify")).isEqualTo(9);
      assertPaired(in.out.events(MONITOR_ENTER, MONITOR_EXIT));
      List<Ev> ev = in.out.events(HANDOFF_SEND, HANDOFF_RECEIVE);
      assertThat(ev).filteredOn(e -> e.kind() == HANDOFF_SEND).hasSize(1);
      assertThat(ev).allMatch(e -> e.f(1) == Handoff.NOTIFY);
    }
  }

  @Test
  void conditionAwaitReleasesAndReacquiresItsLock() throws Throwable {
    try (Instrumented in = new Instrumented()) {
      assertThat(in.call(SyncPrograms.class, "condition")).isEqualTo(3);
      List<Ev> locks = in.out.events(LOCK_ACQUIRE, LOCK_RELEASE);
      assertPaired(locks);
      assertThat(locks).extracting(e -> e.f(0)).containsOnly(locks.get(0).f(0));
      assertThat(locks.size()).isGreaterThanOrEqualTo(6);
    }
  }

  @Test
  void unparkAndPark() throws Throwable {
    try (Instrumented in = new Instrumented()) {
      assertThat(in.call(SyncPrograms.class, "park")).isEqualTo(1);
      List<Ev> ev = in.out.events(HANDOFF_SEND);
      assertThat(ev).hasSize(1);
      assertThat(ev.get(0).f(1)).isEqualTo(Handoff.PARK);
    }
  }
}
