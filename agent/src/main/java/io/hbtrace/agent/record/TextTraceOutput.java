package io.hbtrace.agent.record;

import io.hbtrace.traces.event.EventKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * A plain-text trace ({@code format=text}, one line per record in {@code DIR/trace.txt}) for
 * debugging the agent; every call takes one lock, so it is slow. Lines:
 *
 * <pre>
 * start PRODUCER VERSION MAIN ARG...
 * meta KEY VALUE
 * string ID TEXT
 * site ID CLASS METHOD FILE LINE
 * thread TID NAME
 * event SEQ TID SITE KIND F0 F1 ...
 * end EVENTS
 * </pre>
 */
public final class TextTraceOutput implements TraceOutput {
  private final Writer out;
  private final Map<String, Integer> strings = new HashMap<>();
  private final Map<String, Integer> sites = new HashMap<>();
  private final Map<Thread, Integer> threads = new WeakHashMap<>();
  private long seq;
  private boolean closed;

  public TextTraceOutput(Path dir, StartInfo start) throws IOException {
    Files.createDirectories(dir);
    // created, not opened: of two recordings started on one directory at once, the second fails
    out =
        Files.newBufferedWriter(
            dir.resolve("trace.txt"),
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE);
    StringBuilder b = new StringBuilder("start ");
    b.append(start.producer()).append(' ').append(start.producerVersion()).append(' ');
    b.append(start.mainClass());
    for (String a : start.arguments()) {
      b.append(' ').append(a);
    }
    line(b.toString());
    for (Map.Entry<String, String> m : start.metadata().entrySet()) {
      line("meta " + m.getKey() + " " + m.getValue());
    }
  }

  private void line(String s) {
    try {
      out.write(s);
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized int string(String s) {
    Integer id = strings.get(s);
    if (id == null) {
      id = strings.size() + 1;
      strings.put(s, id);
      if (!closed) {
        line("string " + id + " " + s);
      }
    }
    return id;
  }

  @Override
  public synchronized int site(String className, String method, String sourceFile, int line) {
    String key = className + " " + method + " " + sourceFile + " " + line;
    Integer id = sites.get(key);
    if (id == null) {
      id = sites.size() + 1;
      sites.put(key, id);
      if (!closed) {
        line("site " + id + " " + key);
      }
    }
    return id;
  }

  @Override
  public synchronized int threadId(Thread t) {
    Integer id = threads.get(t);
    if (id == null) {
      id = threads.size() + 1;
      threads.put(t, id);
      if (!closed) {
        line("thread " + id + " " + t.getName());
      }
    }
    return id;
  }

  @Override
  public synchronized void record(
      int kindCode, int site, long f0, long f1, long f2, long f3, long f4, long f5) {
    if (closed) {
      return;
    }
    try {
      int tid = threadId(Thread.currentThread());
      EventKind k = EventKind.ofCode(kindCode);
      StringBuilder b = new StringBuilder(64);
      b.append("event ").append(++seq).append(' ').append(tid).append(' ').append(site);
      b.append(' ').append(k == null ? Integer.toString(kindCode) : k.name());
      long[] f = {f0, f1, f2, f3, f4, f5};
      int n = k == null ? 6 : k.arity();
      for (int i = 0; i < n; i++) {
        b.append(' ').append(f[i]);
      }
      line(b.toString());
    } catch (RuntimeException e) {
      // the hot path never throws
    }
  }

  @Override
  public synchronized void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      // dropped; reported by close
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    line("end " + seq);
    closed = true;
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
