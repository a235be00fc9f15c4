package io.hbtrace.analyzer.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.traces.event.Event;
import io.hbtrace.traces.event.EventKind;
import java.lang.reflect.Method;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shared states are given exactly the kinds they have a handler method for. */
class HandledKindsTest {
  @Test
  void domainStateNamesEveryKindItHandles() {
    assertThat(DomainState.KINDS).isEqualTo(handled(DomainState.class));
  }

  @Test
  void durableStateNamesEveryKindItHandles() {
    assertThat(DurableState.KINDS).isEqualTo(handled(DurableState.class));
  }

  /** The kinds whose {@code on<Kind>} handler the class declares. */
  private static Set<EventKind> handled(Class<?> c) {
    Set<EventKind> kinds = EnumSet.noneOf(EventKind.class);
    for (Method m : c.getDeclaredMethods()) {
      Class<?>[] p = m.getParameterTypes();
      if (p.length == 1 && Event.class.isAssignableFrom(p[0]) && m.getName().startsWith("on")) {
        for (EventKind k : EventKind.values()) {
          if (k.recordName().equals(p[0].getSimpleName())) {
            kinds.add(k);
          }
        }
      }
    }
    return kinds;
  }
}
