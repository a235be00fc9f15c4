package io.hbtrace.traces;

import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.traces.event.EventKind;
import io.hbtrace.traces.event.Events;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** FORMAT.md's event table says what EventKind and the records say: codes, names, field types. */
class FormatDocTest {
  private static final Pattern ROW =
      Pattern.compile(
          "^\\| (\\d+) \\| 0x[0-9A-F]{2} \\| `(\\w+)` \\| (\\w+) \\| `(\\w+)` \\| (.*) \\|$");

  @Test
  void eventTableMatchesTheSchema() throws Exception {
    Path doc = Path.of("FORMAT.md");
    if (!Files.exists(doc)) {
      return; // not run from the module directory
    }
    List<String> rows = new ArrayList<>();
    for (String line : Files.readAllLines(doc)) {
      Matcher m = ROW.matcher(line);
      if (!m.matches()) {
        continue;
      }
      EventKind k = EventKind.valueOf(m.group(2));
      assertThat(Integer.parseInt(m.group(1))).as(k.name()).isEqualTo(k.code());
      assertThat(m.group(3)).isEqualTo(k.family().name().toLowerCase(java.util.Locale.ROOT));
      assertThat(m.group(4)).isEqualTo(k.recordName());
      assertThat(m.group(5)).as(k.name()).isEqualTo(fields(k));
      rows.add(k.name());
    }
    assertThat(rows).hasSize(EventKind.values().length);
  }

  /** "name:type, ..." where type is int when the record narrows the field (found by probing). */
  private static String fields(EventKind k) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < k.arity(); i++) {
      long[] f = new long[EventKind.MAX_FIELDS];
      f[i] = 1L << 40;
      boolean narrowed = Events.create(k, 0, 1, 0, f).field(i) != f[i];
      parts.add(k.fieldNames().get(i) + ":" + (narrowed ? "int" : "long"));
    }
    return String.join(", ", parts);
  }
}
