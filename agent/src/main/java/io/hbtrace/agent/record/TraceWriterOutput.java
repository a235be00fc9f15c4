package io.hbtrace.agent.record;

import io.hbtrace.traces.TraceException;
import io.hbtrace.traces.TraceStart;
import io.hbtrace.traces.TraceWriter;
import java.nio.file.Path;

/** The hbtrace trace format: a {@link TraceWriter} (Chronicle Queue, per-thread batches). */
public final class TraceWriterOutput implements TraceOutput {
  private final TraceWriter writer;

  private TraceWriterOutput(TraceWriter writer) {
    this.writer = writer;
  }

  /** Creates the trace in {@code dir} (absent or empty) and writes its start record. */
  public static TraceWriterOutput create(Path dir, StartInfo start) throws TraceException {
    return new TraceWriterOutput(
        TraceWriter.create(
            dir,
            new TraceStart(
                start.producer(),
                start.producerVersion(),
                start.mainClass(),
                start.arguments(),
                start.metadata())));
  }

  public TraceWriter writer() {
    return writer;
  }

  @Override
  public int string(String s) {
    return writer.string(s);
  }

  @Override
  public int site(String className, String method, String sourceFile, int line) {
    return writer.site(className, method, sourceFile, line);
  }

  @Override
  public int threadId(Thread t) {
    return writer.threadId(t);
  }

  @Override
  public void record(int kindCode, int site, long f0, long f1, long f2, long f3, long f4, long f5) {
    writer.record(kindCode, site, f0, f1, f2, f3, f4, f5);
  }

  @Override
  public void flush() {
    writer.flush();
  }

  @Override
  public void close() {
    writer.close();
    if (writer.outOfRoom()) {
      System.err.println(
          "hbtrace-agent: the trace's file system filled up: recording stopped there, and the"
              + " trace reads up to that point");
    }
  }
}
