package io.hbtrace.traces;

import io.hbtrace.traces.event.EventKind;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

/**
 * The program {@link WriterProcessTest} runs in a separate JVM: records from several threads, then
 * ends in the way the first argument names.
 *
 * <ul>
 *   <li>{@code normal}: 4 threads record {@link #EVENTS} events each; main returns; the shutdown
 *       hook closes the writer.
 *   <li>{@code exit}: daemon threads record without end; main calls {@code System.exit(0)}.
 *   <li>{@code uncaught}: daemon threads record without end; main dies of an exception.
 *   <li>{@code kill}: threads record without end; main prints {@code written N} as the queue fills,
 *       until the test kills the JVM with SIGKILL.
 * </ul>
 *
 * Every event is {@code OP_BEGIN(op=1, ino=worker, pos=i)} with {@code i} counting from 0 in each
 * worker, so the test can check that what it reads of each thread is an unbroken prefix.
 */
public final class WriterProcess {
  static final int THREADS = 4;
  static final int EVENTS = 50_000;

  private WriterProcess() {}

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    Path dir = Path.of(args[1]);
    if (mode.equals("noflags")) { // started without the JVM flags Chronicle needs
      try {
        TraceWriter.create(dir, TraceStart.of("writer-process", "1")).close();
        System.out.println("created");
      } catch (TraceException e) {
        System.out.println(e.problem() + " " + e.getMessage());
      }
      return;
    }
    TraceWriter w =
        TraceWriter.create(
            dir,
            new TraceStart(
                "writer-process",
                "1",
                WriterProcess.class.getName(),
                List.of(args),
                Map.of("mode", mode)),
            WriterOptions.defaults().withFlushIntervalMillis(20).withBatchBytes(4096));
    w.installShutdownHook();
    boolean forever = !mode.equals("normal");
    // kill mode: each worker publishes how many events it has recorded into a mapped file the
    // kill leaves intact (page cache), so the test can tell how many events the kill cost
    MappedByteBuffer progress = null;
    if (mode.equals("kill")) {
      try (FileChannel ch =
          FileChannel.open(
              progressFile(dir),
              StandardOpenOption.CREATE,
              StandardOpenOption.READ,
              StandardOpenOption.WRITE)) {
        progress = ch.map(FileChannel.MapMode.READ_WRITE, 0, 8L * THREADS);
      }
    }
    MappedByteBuffer counts = progress;
    Thread[] workers = new Thread[THREADS];
    for (int t = 0; t < THREADS; t++) {
      int me = t;
      workers[t] =
          new Thread(
              () -> {
                for (long i = 0; forever || i < EVENTS; i++) {
                  w.record(EventKind.OP_BEGIN.code(), 0, 1, me, i, 0, 0, 0);
                  if (counts != null) {
                    counts.putLong(8 * me, i + 1);
                  }
                  if (forever && i % 512 == 0) {
                    pause();
                  }
                }
              },
              "worker-" + t);
      workers[t].setDaemon(forever && !mode.equals("kill"));
      workers[t].start();
    }
    switch (mode) {
      case "normal" -> {
        for (Thread t : workers) {
          t.join();
        }
      }
      case "exit" -> {
        Thread.sleep(300);
        System.exit(0);
      }
      case "uncaught" -> {
        Thread.sleep(300);
        throw new IllegalStateException("dying of an uncaught exception, as planned");
      }
      case "kill" -> {
        while (true) {
          Thread.sleep(20);
          System.out.println("written " + w.stats().eventsWritten());
          System.out.flush();
        }
      }
      default -> throw new IllegalArgumentException(mode);
    }
  }

  /** Where kill mode keeps each worker's count of recorded events (8 bytes each). */
  static Path progressFile(Path dir) {
    return dir.resolveSibling(dir.getFileName() + ".progress");
  }

  private static void pause() {
    try {
      Thread.sleep(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
