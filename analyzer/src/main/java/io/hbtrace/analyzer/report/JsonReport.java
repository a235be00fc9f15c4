package io.hbtrace.analyzer.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import io.hbtrace.analyzer.SourceSite;
import io.hbtrace.analyzer.Symbols;
import io.hbtrace.traces.event.Event;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The machine report: {@code trace} facts and {@code findings}, each with check, severity, inode,
 * observed, values, the operations (thread, kind, source site, field values) and the reasons. The
 * layout is documented in the analyzer README and pinned by a fixture test.
 */
public final class JsonReport {
  /** Leaves the writer open: it is the caller's (standard output, whose errors the CLI checks). */
  private static final JsonFactory FACTORY =
      JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  private JsonReport() {}

  public static void write(Writer out, TraceFacts facts, List<Finding> findings, Symbols symbols)
      throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeObjectFieldStart("trace");
      g.writeStringField("path", facts.path());
      g.writeNumberField("events", facts.events());
      g.writeNumberField("threads", facts.threads());
      g.writeBooleanField("truncated", facts.truncated());
      g.writeStringField("variant", facts.variant());
      g.writeStringField("replay", TextReport.replayCommand(facts));
      stringArray(g, "checks", facts.checks());
      stringArray(g, "warnings", facts.warnings());
      g.writeEndObject();
      g.writeArrayFieldStart("findings");
      for (Finding f : findings) {
        finding(g, f, symbols);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    out.write(System.lineSeparator());
    out.flush();
  }

  /** Writes a finding's values as the object {@code "values"}: numbers as numbers. */
  static void values(JsonGenerator g, Finding f) throws IOException {
    g.writeObjectFieldStart("values");
    for (Map.Entry<String, Object> v : f.orderedValues().entrySet()) {
      if (v.getValue() instanceof Number num) {
        g.writeNumberField(v.getKey(), num.longValue());
      } else {
        g.writeStringField(v.getKey(), String.valueOf(v.getValue()));
      }
    }
    g.writeEndObject();
  }

  private static void finding(JsonGenerator g, Finding f, Symbols symbols) throws IOException {
    g.writeStartObject();
    g.writeStringField("check", f.check());
    g.writeStringField("severity", f.severity().label());
    g.writeStringField("title", f.title());
    g.writeNumberField("inode", f.ino());
    g.writeBooleanField("observed", f.observed());
    g.writeNumberField("occurrences", f.occurrences());
    values(g, f);
    g.writeArrayFieldStart("operations");
    for (Operation op : f.operations()) {
      operation(g, op, symbols);
    }
    g.writeEndArray();
    stringArray(g, "why", f.reasons());
    g.writeEndObject();
  }

  private static void operation(JsonGenerator g, Operation op, Symbols symbols) throws IOException {
    Event e = op.event();
    g.writeStartObject();
    g.writeStringField("side", op.side());
    g.writeNumberField("seq", e.seq());
    g.writeNumberField("thread", e.thread());
    g.writeStringField("threadName", symbols.threadName(e.thread()));
    g.writeStringField("kind", e.kind().name());
    g.writeStringField("note", op.note());
    SourceSite s = symbols.site(e.site());
    g.writeObjectFieldStart("site");
    g.writeStringField("class", s.className());
    g.writeStringField("method", s.method());
    g.writeStringField("file", s.file());
    g.writeNumberField("line", s.line());
    g.writeEndObject();
    g.writeObjectFieldStart("values");
    List<String> names = e.kind().fieldNames();
    for (int i = 0; i < names.size(); i++) {
      String text = EventText.value(e.kind(), names.get(i), e.field(i));
      if (text.equals(Long.toString(e.field(i)))) {
        g.writeNumberField(names.get(i), e.field(i));
      } else {
        g.writeStringField(names.get(i), text.toLowerCase(Locale.ROOT));
      }
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void stringArray(JsonGenerator g, String name, List<String> values)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }
}
