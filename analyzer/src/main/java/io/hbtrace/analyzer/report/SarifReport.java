package io.hbtrace.analyzer.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import io.hbtrace.analyzer.Symbols;
import io.hbtrace.traces.event.Event;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Findings as a SARIF 2.1.0 log (the OASIS Static Analysis Results Interchange Format that code
 * scanning services and IDEs read): one run, the selected checks as the driver's rules, one result
 * per finding with the first operation as its location, the other operations as related locations,
 * the interleaving as a code flow with one thread flow per thread, a fingerprint per site pair and
 * hbtrace's own values as properties. The layout is documented in the analyzer README and pinned by
 * a fixture test.
 */
public final class SarifReport {
  /** Where the SARIF 2.1.0 schema is published. */
  public static final String SCHEMA =
      "https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json";

  /** Leaves the writer open: it is the caller's (standard output, whose errors the CLI checks). */
  private static final JsonFactory FACTORY =
      JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  /** A check that ran, as a SARIF rule: its short name and one-line title. */
  public record Rule(String id, String title) {}

  private SarifReport() {}

  /**
   * Writes the log.
   *
   * @param toolVersion the version of hbtrace that produced the findings
   * @param rules the checks that ran, in registry order
   */
  public static void write(
      Writer out,
      String toolVersion,
      List<Rule> rules,
      TraceFacts facts,
      List<Finding> findings,
      Symbols symbols)
      throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("$schema", SCHEMA);
      g.writeStringField("version", "2.1.0");
      g.writeArrayFieldStart("runs");
      g.writeStartObject();
      tool(g, toolVersion, rules);
      invocation(g, facts);
      g.writeObjectFieldStart("originalUriBaseIds");
      g.writeObjectFieldStart(SarifLocations.SRCROOT);
      message(g, "description", "A source root of the recorded program (e.g. src/main/java).");
      g.writeEndObject();
      g.writeEndObject();
      g.writeArrayFieldStart("results");
      Map<String, Integer> ruleIndex = new LinkedHashMap<>();
      for (Rule r : rules) {
        ruleIndex.putIfAbsent(r.id(), ruleIndex.size());
      }
      for (Finding f : findings) {
        result(g, f, ruleIndex.getOrDefault(f.check(), -1), symbols);
      }
      g.writeEndArray();
      g.writeObjectFieldStart("properties");
      g.writeStringField("trace", facts.path());
      g.writeNumberField("events", facts.events());
      g.writeNumberField("threads", facts.threads());
      g.writeBooleanField("truncated", facts.truncated());
      g.writeStringField("variant", facts.variant());
      g.writeEndObject();
      g.writeEndObject();
      g.writeEndArray();
      g.writeEndObject();
    }
    out.write(System.lineSeparator());
    out.flush();
  }

  private static void tool(JsonGenerator g, String version, List<Rule> rules) throws IOException {
    g.writeObjectFieldStart("tool");
    g.writeObjectFieldStart("driver");
    g.writeStringField("name", "hbtrace");
    g.writeStringField("version", version);
    g.writeArrayFieldStart("rules");
    for (Rule r : rules) {
      CheckHelp.Text text = CheckHelp.of(r.id(), r.title());
      g.writeStartObject();
      g.writeStringField("id", r.id());
      g.writeStringField("name", text.name());
      message(g, "shortDescription", r.title());
      message(g, "help", text.help());
      g.writeObjectFieldStart("defaultConfiguration");
      g.writeStringField("level", "error");
      g.writeEndObject();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndObject();
  }

  /** The analysis ran to the end; the reader's and the analysis' warnings are its notifications. */
  private static void invocation(JsonGenerator g, TraceFacts facts) throws IOException {
    List<String> notes = new ArrayList<>();
    boolean readerSaidSo =
        facts.warnings().stream()
            .anyMatch(w -> w.toLowerCase(Locale.ROOT).contains("no end record"));
    if (facts.truncated() && !readerSaidSo) { // the reader's own warning says it otherwise
      notes.add(
          "The trace has no end record (the writer died or still runs): analysed up to the"
              + " tear.");
    }
    notes.addAll(facts.warnings());
    g.writeArrayFieldStart("invocations");
    g.writeStartObject();
    g.writeBooleanField("executionSuccessful", true);
    if (!notes.isEmpty()) {
      g.writeArrayFieldStart("toolExecutionNotifications");
      for (String n : notes) {
        g.writeStartObject();
        g.writeStringField("level", "warning");
        message(g, "message", n);
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeEndObject();
    g.writeEndArray();
  }

  private static void result(JsonGenerator g, Finding f, int ruleIndex, Symbols symbols)
      throws IOException {
    List<Operation> ops = f.operations();
    g.writeStartObject();
    g.writeStringField("ruleId", f.check());
    if (ruleIndex >= 0) {
      g.writeNumberField("ruleIndex", ruleIndex);
    }
    g.writeStringField("level", level(f.severity()));
    message(g, "message", text(f));
    g.writeArrayFieldStart("locations");
    if (!ops.isEmpty()) {
      SarifLocations.write(
          g, -1, symbols.site(ops.get(0).event().site()), step(ops.get(0), symbols));
    }
    g.writeEndArray();
    g.writeArrayFieldStart("relatedLocations");
    for (int i = 1; i < ops.size(); i++) {
      SarifLocations.write(
          g, i, symbols.site(ops.get(i).event().site()), step(ops.get(i), symbols));
    }
    g.writeEndArray();
    if (!ops.isEmpty()) {
      SarifThreadFlows.write(g, ops, symbols);
    }
    g.writeObjectFieldStart("partialFingerprints");
    g.writeStringField(SarifLocations.FINGERPRINT, SarifLocations.fingerprint(f, symbols));
    g.writeEndObject();
    g.writeNumberField("occurrenceCount", Math.max(1, f.occurrences()));
    g.writeObjectFieldStart("properties");
    g.writeBooleanField("observed", f.observed());
    g.writeNumberField("occurrences", f.occurrences());
    g.writeNumberField("inode", f.ino());
    JsonReport.values(g, f);
    g.writeArrayFieldStart("sites");
    for (String s : SarifLocations.keySites(f, symbols)) {
      g.writeString(s);
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndObject();
  }

  /** SARIF's level for a severity. */
  static String level(Severity s) {
    return switch (s) {
      case ERROR -> "error";
      case WARNING -> "warning";
    };
  }

  /**
   * The result's message: the title and the key values as its first sentence (what viewers show
   * when space is short), then whether the corruption showed, then the reasons.
   */
  static String text(Finding f) {
    StringBuilder b = new StringBuilder(f.title()).append(" (inode ").append(f.ino());
    for (Map.Entry<String, Object> v : f.orderedValues().entrySet()) {
      b.append(", ").append(v.getKey()).append(' ').append(v.getValue());
    }
    if (f.occurrences() > 1) {
      b.append("; ").append(f.occurrences()).append(" occurrences");
    }
    b.append("). ")
        .append(
            f.observed()
                ? "The corruption showed in this run."
                : "The corruption did not show in this run: this is what could happen.");
    for (String r : f.reasons()) {
      b.append(' ').append(r);
    }
    return b.toString();
  }

  /** What one operation says at its location: thread, side, order key, meaning and fields. */
  static String step(Operation op, Symbols symbols) {
    Event e = op.event();
    return symbols.threadName(e.thread())
        + " ("
        + op.side()
        + "), seq "
        + e.seq()
        + ": "
        + op.note()
        + " ["
        + e.kind().recordName()
        + (e.kind().arity() == 0 ? "" : " " + EventText.fields(e))
        + "]";
  }

  static void message(JsonGenerator g, String field, String text) throws IOException {
    g.writeObjectFieldStart(field);
    g.writeStringField("text", text);
    g.writeEndObject();
  }
}
