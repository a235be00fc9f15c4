package io.hbtrace.agent.record;

import java.lang.reflect.Field;
import java.util.List;

/**
 * The reflective fallback for a capture's field hops that the generated code could not read
 * directly (a field not declared in the static type's hierarchy, or one the traced class may not
 * access): evaluated from the object reached so far, resolving each hop against the runtime class
 * (cached per hop for the last class seen). A null along the chain gives 0; a field that does not
 * exist or cannot be read gives 0 and is reported once through {@link Problems}.
 */
final class FieldChain {
  private final String source;
  private final Hop[] hops;

  /**
   * @param source the capture as written in the spec, for messages
   * @param hops the field names still to follow
   */
  FieldChain(String source, List<String> hops) {
    this.source = source;
    this.hops = new Hop[hops.size()];
    for (int i = 0; i < this.hops.length; i++) {
      this.hops[i] = new Hop(hops.get(i));
    }
  }

  /** The value at the end of the chain from {@code base}, converted like any captured value. */
  long eval(Recorder r, Object base) {
    Object v = base;
    for (Hop h : hops) {
      if (v == null) {
        return 0;
      }
      v = h.get(r, v, source);
    }
    return r.toLong(v);
  }

  /** One field hop, with the field resolved for the last class seen. */
  private static final class Hop {
    private final String name;
    private volatile Resolved last;

    Hop(String name) {
      this.name = name;
    }

    Object get(Recorder r, Object o, String source) {
      Class<?> c = o.getClass();
      Resolved res = last;
      if (res == null || res.type != c) {
        res = new Resolved(c, OpenFields.find(c, name));
        last = res;
        if (res.field == null) {
          r.problems()
              .once("capture '" + source + "': no readable field '" + name + "' in " + c.getName());
        }
      }
      if (res.field == null) {
        return null;
      }
      return OpenFields.read(res.field, o);
    }
  }

  private record Resolved(Class<?> type, Field field) {}
}
