package io.hbtrace.analyzer.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/**
 * Writes Chrome's Trace Event Format (the JSON object form: {@code traceEvents}, then {@code
 * otherData}), one event per line, as the events come: nothing is kept.
 */
final class TraceEventWriter {
  /** The recorded program's process in the output. */
  static final int PROGRAM = 1;

  /** A process of its own for the findings track. */
  static final int FINDINGS = 2;

  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  /** Writes an event's {@code args} object's fields. */
  interface Args {
    void write(JsonGenerator g) throws IOException;
  }

  private final JsonGenerator g;
  private long written;

  TraceEventWriter(Writer out) throws IOException {
    g = FACTORY.createGenerator(out);
    g.setPrettyPrinter(
        new MinimalPrettyPrinter() {
          private static final long serialVersionUID = 1L;

          @Override
          public void writeStartArray(JsonGenerator gen) throws IOException {
            gen.writeRaw("[\n");
          }

          @Override
          public void writeArrayValueSeparator(JsonGenerator gen) throws IOException {
            gen.writeRaw(",\n");
          }
        });
    g.writeStartObject();
    g.writeArrayFieldStart("traceEvents");
  }

  /** Trace events written so far. */
  long written() {
    return written;
  }

  /** A metadata event ({@code M}), e.g. {@code thread_name} with {@code {"name": ...}}. */
  void metadata(int pid, int tid, String name, String key, Object value) throws IOException {
    start("M", name, null, pid, tid);
    g.writeObjectFieldStart("args");
    if (value instanceof Number n) {
      g.writeNumberField(key, n.longValue());
    } else {
      g.writeStringField(key, String.valueOf(value));
    }
    g.writeEndObject();
    end();
  }

  void begin(int tid, double ts, String name, String cat, Args args) throws IOException {
    timed("B", name, cat, PROGRAM, tid, ts, args);
  }

  void end(int tid, double ts, Args args) throws IOException {
    timed("E", null, null, PROGRAM, tid, ts, args);
  }

  /** A complete event ({@code X}): a slice with its duration. */
  void complete(int tid, double ts, double dur, String name, String cat, Args args)
      throws IOException {
    start("X", name, cat, PROGRAM, tid);
    ts(ts);
    g.writeFieldName("dur");
    number(dur);
    args(args);
    end();
  }

  /** A thread-scoped instant event ({@code i}). */
  void instant(int pid, int tid, double ts, String name, String cat, Args args) throws IOException {
    start("i", name, cat, pid, tid);
    ts(ts);
    g.writeStringField("s", "t");
    args(args);
    end();
  }

  /**
   * A flow arrow's start ({@code s}) or finish ({@code f}), bound to the slice that encloses {@code
   * ts} on its thread.
   */
  void flow(boolean start, int tid, double ts, long id, String name) throws IOException {
    start(start ? "s" : "f", name, "flow", PROGRAM, tid);
    ts(ts);
    g.writeNumberField("id", id);
    if (!start) {
      g.writeStringField("bp", "e");
    }
    end();
  }

  /** Ends {@code traceEvents}, writes {@code otherData} and closes the generator. */
  void finish(Map<String, Object> otherData) throws IOException {
    g.writeEndArray();
    g.writeRaw('\n');
    g.writeObjectFieldStart("otherData");
    for (Map.Entry<String, Object> e : otherData.entrySet()) {
      if (e.getValue() instanceof Number n) {
        g.writeNumberField(e.getKey(), n.longValue());
      } else {
        g.writeStringField(e.getKey(), String.valueOf(e.getValue()));
      }
    }
    g.writeEndObject();
    g.writeEndObject();
    g.writeRaw('\n');
    g.close();
  }

  private void timed(String ph, String name, String cat, int pid, int tid, double ts, Args args)
      throws IOException {
    start(ph, name, cat, pid, tid);
    ts(ts);
    args(args);
    end();
  }

  private void start(String ph, String name, String cat, int pid, int tid) throws IOException {
    g.writeStartObject();
    g.writeStringField("ph", ph);
    if (name != null) {
      g.writeStringField("name", name);
    }
    if (cat != null) {
      g.writeStringField("cat", cat);
    }
    g.writeNumberField("pid", pid);
    g.writeNumberField("tid", tid);
  }

  private void ts(double ts) throws IOException {
    g.writeFieldName("ts");
    number(ts);
  }

  private void number(double v) throws IOException {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      g.writeNumber((long) v);
    } else {
      g.writeNumber(v);
    }
  }

  private void args(Args args) throws IOException {
    if (args != null) {
      g.writeObjectFieldStart("args");
      args.write(g);
      g.writeEndObject();
    }
  }

  private void end() throws IOException {
    g.writeEndObject();
    written++;
  }
}
