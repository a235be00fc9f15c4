package io.hbtrace.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.analyzer.check.CheckRegistry;
import io.hbtrace.analyzer.state.DomainState;
import io.hbtrace.analyzer.state.DurableState;
import io.hbtrace.traces.event.EventKind;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The kinds an analysis lets the reader skip are exactly those nothing in it reads: no check, no
 * shared state, no clock.
 */
class UnreadKindsTest {
  @Test
  void withEveryCheckOnlyKindsNothingReadsAreSkipped() {
    Analysis a = new Analysis(new TraceBuilder(), CheckRegistry.all());
    Set<EventKind> unread = a.unread();

    assertThat(unread)
        .contains(EventKind.OBJECT_NEW, EventKind.PAGE_LOOKUP, EventKind.COPY_OUT)
        .doesNotContain(EventKind.MOUNT)
        .doesNotContainAnyElementsOf(DomainState.KINDS)
        .doesNotContainAnyElementsOf(DurableState.KINDS);
    for (EventKind k : unread) {
      assertThat(k.family() != EventKind.Family.SYNC || k == EventKind.OBJECT_NEW)
          .as("%s changes clocks, roles or holdings", k)
          .isTrue();
    }
    for (CheckRegistry.Entry entry : CheckRegistry.all()) {
      assertThat(entry.factory().apply(a.context()).kinds())
          .as(entry.name())
          .doesNotContainAnyElementsOf(unread);
    }
  }

  @Test
  void fewerChecksLeaveMoreUnread() {
    Set<EventKind> all = new Analysis(new TraceBuilder(), CheckRegistry.all()).unread();
    Set<EventKind> one = new Analysis(new TraceBuilder(), CheckRegistry.select("o5")).unread();

    assertThat(one).containsAll(all).hasSizeGreaterThan(all.size());
  }
}
