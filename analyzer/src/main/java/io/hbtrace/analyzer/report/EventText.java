package io.hbtrace.analyzer.report;

import io.hbtrace.analyzer.Symbols;
import io.hbtrace.traces.event.DioFlags;
import io.hbtrace.traces.event.Event;
import io.hbtrace.traces.event.EventKind;
import io.hbtrace.traces.event.Faults;
import io.hbtrace.traces.event.Fill;
import io.hbtrace.traces.event.Handoff;
import io.hbtrace.traces.event.Invalidation;
import io.hbtrace.traces.event.LockMode;
import io.hbtrace.traces.event.Ops;
import java.util.List;

/**
 * Renders one event's fields readably: names from the schema, coded fields decoded (phases,
 * outcomes, fill sources, flags, lock modes, hand-off kinds, fault kinds, operations).
 */
public final class EventText {
  private EventText() {}

  /** {@code name=value} pairs of the event's fields, space separated. */
  public static String fields(Event e) {
    return fields(e, null);
  }

  /**
   * Like {@link #fields(Event)}, with the fields that name an interned string (an object's type, a
   * role, a volatile field's name) given as that string when {@code symbols} is not null.
   */
  public static String fields(Event e, Symbols symbols) {
    StringBuilder b = new StringBuilder();
    EventKind k = e.kind();
    List<String> names = k.fieldNames();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      long v = e.field(i);
      b.append(i == 0 ? "" : " ")
          .append(name)
          .append('=')
          .append(
              symbols != null && namesString(k, name)
                  ? symbols.string((int) v)
                  : value(k, name, v));
    }
    return b.toString();
  }

  /** Fields holding the id of an interned string (FORMAT.md: ObjectNew.type and the like). */
  static boolean namesString(EventKind k, String field) {
    return switch (k) {
      case OBJECT_NEW -> field.equals("type");
      case OBJECT_ROLE -> field.equals("role");
      case VOLATILE_READ, VOLATILE_WRITE -> field.equals("field");
      default -> false;
    };
  }

  /** Like {@link #fields} without the {@code ino} field (a finding names its inode once). */
  public static String fieldsWithoutInode(Event e) {
    StringBuilder b = new StringBuilder();
    List<String> names = e.kind().fieldNames();
    for (int i = 0; i < names.size(); i++) {
      if (!names.get(i).equals("ino")) {
        b.append(b.length() == 0 ? "" : " ")
            .append(names.get(i))
            .append('=')
            .append(value(e.kind(), names.get(i), e.field(i)));
      }
    }
    return b.toString();
  }

  /** One field's value as text, decoded where the field is a code. */
  public static String value(EventKind kind, String field, long v) {
    return switch (field) {
      case "phase" -> Invalidation.phaseName((int) v);
      case "outcome" -> Invalidation.outcomeName((int) v);
      case "source" -> Fill.name((int) v);
      case "flags" ->
          kind == EventKind.DIO_WRITE_BEGIN ? DioFlags.describe((int) v) : Long.toString(v);
      case "mode" -> LockMode.name((int) v);
      case "how" -> Handoff.name((int) v);
      case "what" -> kind == EventKind.FAULT ? Faults.name((int) v) : Long.toString(v);
      case "op" -> Ops.name((int) v);
      default -> Long.toString(v);
    };
  }
}
