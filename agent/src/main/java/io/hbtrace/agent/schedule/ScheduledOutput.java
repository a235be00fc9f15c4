package io.hbtrace.agent.schedule;

import io.hbtrace.agent.record.TraceOutput;
import io.hbtrace.traces.event.EventKind;

/**
 * A trace output that lets a {@link Scheduler} decide when each event may be recorded: the thread
 * waits for its turn, records, and runs on alone until its next event. The order key is taken
 * inside the wrapped output, after the turn, so the new trace's order is the scheduled order. A few
 * events are not scheduled ({@link EventKey#scheduled}).
 */
public final class ScheduledOutput implements TraceOutput {
  private static final int VOLATILE_READ = EventKind.VOLATILE_READ.code();

  private final TraceOutput out;
  private final Scheduler scheduler;

  public ScheduledOutput(TraceOutput out, Scheduler scheduler) {
    this.out = out;
    this.scheduler = scheduler;
  }

  public Scheduler scheduler() {
    return scheduler;
  }

  @Override
  public int string(String s) {
    return out.string(s);
  }

  @Override
  public synchronized int site(String className, String method, String sourceFile, int line) {
    int id = out.site(className, method, sourceFile, line);
    scheduler.siteDefined(id, className, method, line);
    return id;
  }

  @Override
  public int threadId(Thread t) {
    if (t != Thread.currentThread()) {
      scheduler.threadSeen(t); // a start or a join names another thread
    }
    return out.threadId(t);
  }

  @Override
  public boolean before(int kindCode, int site) {
    return scheduler.awaitTurnBefore(kindCode, site);
  }

  @Override
  public void record(int kindCode, int site, long f0, long f1, long f2, long f3, long f4, long f5) {
    if (!EventKey.scheduled(kindCode, f1)) {
      out.record(kindCode, site, f0, f1, f2, f3, f4, f5);
      return;
    }
    scheduler.awaitTurn(kindCode, site, f0, f1, f2, f3, f4, f5);
    out.record(kindCode, site, f0, f1, f2, f3, f4, f5);
  }

  @Override
  public long recordRead(int site, long field, long owner, long value) {
    scheduler.awaitTurn(VOLATILE_READ, site, field, owner, value, 0, 0, 0);
    long v = scheduler.readValue(value);
    out.record(VOLATILE_READ, site, field, owner, v, 0, 0, 0);
    return v;
  }

  @Override
  public void blocking(Object on) {
    scheduler.yieldTurn(on);
  }

  @Override
  public void flush() {
    out.flush();
  }

  @Override
  public void close() {
    scheduler.finish();
    out.close();
  }
}
