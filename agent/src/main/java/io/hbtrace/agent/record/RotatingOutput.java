package io.hbtrace.agent.record;

import java.util.ArrayList;
import java.util.List;

/**
 * A trace output that can be switched to a new one mid-run (one trace per test). String and site
 * ids are baked into instrumented code, so every {@link #string} and {@link #site} call is logged
 * and replayed, in order, into the next output, which assigns ids densely in call order and so
 * gives each the same id again (checked; a mismatch refuses the switch).
 */
public final class RotatingOutput implements TraceOutput {

  /** Opens the next output. */
  public interface Opener {
    TraceOutput open() throws Exception;
  }

  private record Meta(String s, String className, String method, String file, int line) {}

  private volatile TraceOutput current;
  private final List<Meta> log = new ArrayList<>();

  public RotatingOutput(TraceOutput first) {
    this.current = first;
  }

  @Override
  public synchronized int string(String s) {
    int id = current.string(s);
    log.add(new Meta(s, null, null, null, 0));
    return id;
  }

  @Override
  public synchronized int site(String className, String method, String sourceFile, int line) {
    int id = current.site(className, method, sourceFile, line);
    log.add(new Meta(null, className, method, sourceFile, line));
    return id;
  }

  @Override
  public int threadId(Thread t) {
    return current.threadId(t);
  }

  @Override
  public long recordRead(int site, long field, long owner, long value) {
    return current.recordRead(site, field, owner, value);
  }

  @Override
  public boolean before(int kindCode, int site) {
    return current.before(kindCode, site);
  }

  @Override
  public void blocking(Object on) {
    current.blocking(on);
  }

  @Override
  public void record(int kindCode, int site, long f0, long f1, long f2, long f3, long f4, long f5) {
    current.record(kindCode, site, f0, f1, f2, f3, f4, f5);
  }

  @Override
  public void flush() {
    current.flush();
  }

  @Override
  public synchronized void close() {
    current.close();
  }

  /**
   * Switches to a new output: replays the ids, then closes the old one. Events racing with the
   * switch land in either trace (or are dropped by the closed one).
   */
  public synchronized void rotate(Opener opener) throws Exception {
    TraceOutput next = opener.open();
    TraceOutput old = current;
    for (Meta m : log) {
      int want =
          m.s() != null
              ? old.string(m.s())
              : old.site(m.className(), m.method(), m.file(), m.line());
      int got =
          m.s() != null
              ? next.string(m.s())
              : next.site(m.className(), m.method(), m.file(), m.line());
      if (want != got) {
        next.close();
        throw new IllegalStateException(
            "the new trace gave id " + got + " where " + want + " was baked");
      }
    }
    current = next;
    old.close();
  }
}
