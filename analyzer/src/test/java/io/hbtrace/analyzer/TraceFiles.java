package io.hbtrace.analyzer;

import io.hbtrace.traces.TraceStart;
import io.hbtrace.traces.TraceWriter;
import io.hbtrace.traces.event.Event;
import io.hbtrace.traces.event.EventKind;
import io.hbtrace.traces.event.ObjectRole;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.SynchronousQueue;

/**
 * Writes a scripted trace as a real trace directory through the real {@link TraceWriter}: one Java
 * thread per scripted thread, handed a baton per event so the writer's order keys follow the
 * script. Strings and sites are re-interned in the writer.
 */
public final class TraceFiles {
  private TraceFiles() {}

  public static Path write(TraceBuilder script, Path dir, List<String> args) throws Exception {
    return write(script, dir, args, written -> {});
  }

  /** What a test does with a trace whose writer is still open (no END record yet). */
  public interface WhileOpen {
    void accept(Path written) throws Exception;
  }

  /**
   * Writes the script and flushes it, then hands the directory to {@code whileOpen} before the
   * writer closes: the trace is then torn, like one whose program was killed.
   */
  public static Path write(TraceBuilder script, Path dir, List<String> args, WhileOpen whileOpen)
      throws Exception {
    try (TraceWriter w =
        TraceWriter.create(
            dir,
            new TraceStart(
                "hbtrace-test", "1", "io.hbtrace.samplefs.cli.SampleFsMain", args, Map.of()))) {
      Map<Integer, Worker> workers = new HashMap<>();
      for (Event e : script.events()) {
        workers
            .computeIfAbsent(e.thread(), t -> Worker.start(w, t))
            .run(() -> emit(w, script, workers, e));
      }
      for (Worker worker : workers.values()) {
        worker.stop();
      }
      w.flush();
      whileOpen.accept(dir);
    }
    return dir;
  }

  /**
   * Corrupts 1 KiB of event batches in a recorded trace directory: the bytes 512 past the start
   * record (found by the main class name it holds, {@code SampleFsMain}) are flipped in place.
   */
  public static void corruptEvents(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      Path cq4 = files.filter(p -> p.toString().endsWith(".cq4")).findFirst().orElseThrow();
      byte[] b = Files.readAllBytes(cq4);
      int start = indexOf(b, "SampleFsMain".getBytes(StandardCharsets.US_ASCII));
      if (start < 0) {
        throw new IllegalStateException("no start record naming SampleFsMain in " + cq4);
      }
      for (int i = start + 512; i < start + 512 + 1024; i++) {
        b[i] ^= (byte) 0x5a;
      }
      Files.write(cq4, b);
    }
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static void emit(
      TraceWriter w, TraceBuilder script, Map<Integer, Worker> workers, Event e) {
    long[] f = new long[EventKind.MAX_FIELDS];
    for (int i = 0; i < e.kind().arity(); i++) {
      f[i] = e.field(i);
    }
    if (e instanceof ObjectRole r) {
      f[1] = w.string(script.string(r.role()));
    }
    if (e.kind() == EventKind.THREAD_START || e.kind() == EventKind.THREAD_JOIN) {
      f[0] = w.threadId(workers.computeIfAbsent((int) f[0], t -> Worker.start(w, t)).thread);
    }
    int site = 0;
    if (e.site() != 0) {
      SourceSite s = script.site(e.site());
      site = w.site(s.className(), s.method(), s.file(), s.line());
    }
    w.record(e.kind().code(), site, f[0], f[1], f[2], f[3], f[4], f[5]);
  }

  /** A thread that runs the tasks it is handed, one at a time, each to completion. */
  private static final class Worker {
    final SynchronousQueue<Runnable> tasks = new SynchronousQueue<>();
    final SynchronousQueue<Boolean> done = new SynchronousQueue<>();
    Thread thread;

    static Worker start(TraceWriter w, int scriptTid) {
      Worker worker = new Worker();
      worker.thread =
          new Thread(worker::loop, scriptTid == 1 ? "main" : "child-" + (scriptTid - 2));
      worker.thread.setDaemon(true);
      worker.thread.start();
      return worker;
    }

    void run(Runnable task) {
      try {
        tasks.put(task);
        done.take();
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(ex);
      }
    }

    void stop() throws InterruptedException {
      tasks.put(() -> Thread.currentThread().interrupt());
      thread.join();
    }

    private void loop() {
      try {
        while (!Thread.currentThread().isInterrupted()) {
          tasks.take().run();
          done.put(Boolean.TRUE);
        }
      } catch (InterruptedException ex) {
        // stop
      }
    }
  }
}
