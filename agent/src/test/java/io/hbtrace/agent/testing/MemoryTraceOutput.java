package io.hbtrace.agent.testing;

import io.hbtrace.agent.record.TraceOutput;
import io.hbtrace.traces.event.EventKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongUnaryOperator;

/** A trace output that keeps everything in memory, for in-process tests. */
public final class MemoryTraceOutput implements TraceOutput {

  /** One recorded event. */
  public record Ev(long seq, int thread, int site, EventKind kind, long[] f) {
    public long f(int i) {
      return f[i];
    }

    @Override
    public String toString() {
      StringBuilder b = new StringBuilder(kind.name()).append('(');
      for (int i = 0; i < kind.arity(); i++) {
        b.append(i == 0 ? "" : ", ").append(kind.fieldNames().get(i)).append('=').append(f[i]);
      }
      return b.append(") t").append(thread).append(" @").append(site).toString();
    }
  }

  /** A site as given to {@link #site}. */
  public record Site(String className, String method, String sourceFile, int line) {}

  private final List<Ev> events = new ArrayList<>();
  private final Map<String, Integer> strings = new HashMap<>();
  private final List<String> stringList = new ArrayList<>();
  private final List<Site> sites = new ArrayList<>();
  private final Map<Thread, Integer> threads = new IdentityHashMap<>();
  private final List<String> threadNames = new ArrayList<>();
  private long seq;
  private boolean closed;

  /**
   * What a read that gives its value back to the program ({@link #recordRead}) gets, from the value
   * it read: by default that value, as in a recording; a test may stand in for a replay.
   */
  public volatile LongUnaryOperator readValues = LongUnaryOperator.identity();

  @Override
  public long recordRead(int site, long field, long owner, long value) {
    long v = readValues.applyAsLong(value);
    record(EventKind.VOLATILE_READ.code(), site, field, owner, v, 0, 0, 0);
    return v;
  }

  @Override
  public synchronized int string(String s) {
    return strings.computeIfAbsent(
        s,
        k -> {
          stringList.add(k);
          return stringList.size();
        });
  }

  @Override
  public synchronized int site(String className, String method, String sourceFile, int line) {
    Site s = new Site(className, method, sourceFile, line);
    int i = sites.indexOf(s);
    if (i >= 0) {
      return i + 1;
    }
    sites.add(s);
    return sites.size();
  }

  @Override
  public synchronized int threadId(Thread t) {
    return threads.computeIfAbsent(
        t,
        k -> {
          threadNames.add(k.getName());
          return threadNames.size();
        });
  }

  @Override
  public synchronized void record(
      int kindCode, int site, long f0, long f1, long f2, long f3, long f4, long f5) {
    if (!closed) {
      events.add(
          new Ev(
              ++seq,
              threadId(Thread.currentThread()),
              site,
              EventKind.ofCode(kindCode),
              new long[] {f0, f1, f2, f3, f4, f5}));
    }
  }

  @Override
  public void flush() {}

  @Override
  public synchronized void close() {
    closed = true;
  }

  public synchronized List<Ev> events() {
    return List.copyOf(events);
  }

  /** Events other than object births and deaths. */
  public synchronized List<Ev> events(EventKind... kinds) {
    List<EventKind> ks = List.of(kinds);
    List<Ev> out = new ArrayList<>();
    for (Ev e : events) {
      if (ks.contains(e.kind())) {
        out.add(e);
      }
    }
    return out;
  }

  public synchronized Site site(int id) {
    return sites.get(id - 1);
  }

  public synchronized String string(int id) {
    return stringList.get(id - 1);
  }

  public synchronized String threadName(int id) {
    return threadNames.get(id - 1);
  }
}
