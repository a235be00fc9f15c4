package io.hbtrace.analyzer.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.hbtrace.analyzer.SourceSite;
import io.hbtrace.analyzer.Symbols;
import io.hbtrace.traces.event.Event;
import io.hbtrace.traces.event.EventKind;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * An event's fields as JSON fields, by their schema names: numbers as numbers, coded fields decoded
 * (as the JSON report decodes them), fields that name an interned string as that string.
 */
final class EventArgs {
  private EventArgs() {}

  /**
   * The args of an exported event: its fields, the role of the lock it takes (if named), its order
   * key, its source site, and the findings it belongs to.
   */
  static TraceEventWriter.Args of(
      Event e, Symbols symbols, LiveObjects.Role role, List<FindingMarks.Mark> marks) {
    return g -> {
      write(g, e, symbols);
      if (role != null) {
        g.writeStringField("role", role.name());
        g.writeNumberField("owner", role.owner());
        g.writeNumberField("detail", role.detail());
      }
      g.writeNumberField("seq", e.seq());
      SourceSite s = symbols.site(e.site());
      if (s != SourceSite.UNKNOWN && !s.className().equals("?")) {
        g.writeStringField("site", s.shortForm());
      }
      if (!marks.isEmpty()) {
        StringBuilder b = new StringBuilder();
        for (FindingMarks.Mark mark : marks) {
          b.append(b.length() == 0 ? "" : "; ").append(mark.label());
        }
        g.writeStringField("finding", b.toString());
      }
    };
  }

  static void write(JsonGenerator g, Event e, Symbols symbols) throws IOException {
    EventKind k = e.kind();
    List<String> names = k.fieldNames();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      long v = e.field(i);
      if (EventText.namesString(k, name)) {
        g.writeStringField(name, symbols.string((int) v));
        continue;
      }
      String text = EventText.value(k, name, v);
      if (text.equals(Long.toString(v))) {
        g.writeNumberField(name, v);
      } else {
        g.writeStringField(name, text.toLowerCase(Locale.ROOT));
      }
    }
  }
}
