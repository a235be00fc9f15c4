package io.hbtrace.analyzer.report;

import static io.hbtrace.analyzer.report.TraceEventShape.events;
import static io.hbtrace.analyzer.report.TraceEventShape.ts;
import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.analyzer.Analyses;
import io.hbtrace.analyzer.Scenarios;
import io.hbtrace.analyzer.TraceBuilder;
import io.hbtrace.traces.event.Event;
import io.hbtrace.traces.event.EventKind;
import io.hbtrace.traces.event.Handoff;
import io.hbtrace.traces.event.LockMode;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The Perfetto (Trace Event Format) export: shape, slices, flows, windows, findings. */
class PerfettoExportTest {
  private static final PerfettoExport.Window ALL = PerfettoExport.Window.all();

  private static Object export(TraceBuilder t, PerfettoExport.Window w, FindingMarks marks)
      throws IOException {
    StringWriter out = new StringWriter();
    PerfettoExport x = new PerfettoExport(out, t, "test", Map.of("trace", "t"), w, marks);
    for (Event e : t.events()) {
      if (!x.accept(e)) {
        break;
      }
    }
    x.finish();
    return JsonTree.parse(out.toString());
  }

  private static List<Map<String, Object>> phase(Object doc, String ph) {
    return events(doc).stream().filter(e -> ph.equals(e.get("ph"))).toList();
  }

  private static Object arg(Map<String, Object> e, String name) {
    return e.get("args") == null ? null : JsonTree.object(e.get("args")).get(name);
  }

  private static Set<Long> seqs(Object doc) {
    return events(doc).stream()
        .map(e -> arg(e, "seq"))
        .filter(s -> s != null)
        .map(Long.class::cast)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void everyEventOfTheScriptedFailureIsExportedAndTheSlicesNest() throws IOException {
    TraceBuilder t = Scenarios.generic418Failure();
    Object doc = export(t, ALL, FindingMarks.none());
    assertThat(TraceEventShape.problems(doc)).isEmpty();
    Set<Long> all = t.events().stream().map(Event::seq).collect(Collectors.toSet());
    assertThat(seqs(doc)).containsExactlyInAnyOrderElementsOf(all);
    assertThat(phase(doc, "M"))
        .filteredOn(m -> "thread_name".equals(m.get("name")))
        .extracting(m -> arg(m, "name"))
        .containsExactlyInAnyOrder(t.threadName(1), t.threadName(2), t.threadName(3));
    assertThat(phase(doc, "B")).extracting(b -> b.get("name")).contains("inode_lock", "DioWrite");
    assertThat(phase(doc, "B")).hasSameSizeAs(phase(doc, "E"));
    for (Map<String, Object> i : phase(doc, "i")) {
      assertThat(ts(i)).isEqualTo(((Long) arg(i, "seq")).doubleValue());
    }
    assertThat((String) JsonTree.at(doc, "otherData", "ts")).contains("order key");
  }

  @Test
  void aHandoffIsAFlowFromTheSendToTheReceiveThatFollows() throws IOException {
    TraceBuilder t = new TraceBuilder().start(1, 2).start(1, 3);
    t.raw(EventKind.HANDOFF_SEND, 2, 50, Handoff.EXECUTOR);
    t.raw(EventKind.PAGE_INSERT, 2, 12, 0);
    t.raw(EventKind.HANDOFF_RECEIVE, 3, 50, Handoff.EXECUTOR);
    t.raw(EventKind.HANDOFF_RECEIVE, 3, 51, Handoff.FUTURE); // nothing was sent on 51
    Object doc = export(t, ALL, FindingMarks.none());
    assertThat(TraceEventShape.problems(doc)).isEmpty();
    List<Map<String, Object>> s = phase(doc, "s");
    List<Map<String, Object>> f = phase(doc, "f");
    assertThat(s).hasSize(1);
    assertThat(f).hasSize(1);
    assertThat(s.get(0).get("tid")).isEqualTo(2L);
    assertThat(ts(s.get(0))).isEqualTo(2.5);
    assertThat(f.get(0).get("tid")).isEqualTo(3L);
    assertThat(ts(f.get(0))).isEqualTo(4.5);
    assertThat(phase(doc, "X"))
        .extracting(x -> x.get("name"))
        .contains("send executor", "receive executor", "receive future");
  }

  @Test
  void aLockReleasedByAnotherThreadEndsOnTheThreadThatTookIt() throws IOException {
    TraceBuilder t = new TraceBuilder().start(1, 2).start(1, 3);
    t.raw(EventKind.LOCK_ACQUIRE, 2, 7, LockMode.EXCLUSIVE);
    t.raw(EventKind.PAGE_INSERT, 2, 12, 0);
    t.raw(EventKind.LOCK_RELEASE, 3, 7, LockMode.EXCLUSIVE);
    Object doc = export(t, ALL, FindingMarks.none());
    assertThat(TraceEventShape.problems(doc)).isEmpty();
    Map<String, Object> end = phase(doc, "E").get(0);
    assertThat(end.get("tid")).isEqualTo(2L);
    assertThat(ts(end)).isEqualTo(4.0);
    assertThat(arg(end, "releasedBy")).isEqualTo(t.threadName(3));
    assertThat(phase(doc, "i"))
        .anyMatch(i -> "LockRelease".equals(i.get("name")) && i.get("tid").equals(3L));
    assertThat(JsonTree.at(doc, "otherData", "endsWithoutBegin")).isEqualTo(0L);
  }

  @Test
  void holdsThatOverlapAreCutAndReopenedSoThatSlicesNest() throws IOException {
    TraceBuilder t = new TraceBuilder();
    t.raw(EventKind.LOCK_ACQUIRE, 2, 10, LockMode.EXCLUSIVE);
    t.raw(EventKind.LOCK_ACQUIRE, 2, 11, LockMode.EXCLUSIVE);
    t.raw(EventKind.LOCK_RELEASE, 2, 10, LockMode.EXCLUSIVE);
    t.raw(EventKind.LOCK_RELEASE, 2, 11, LockMode.EXCLUSIVE);
    Object doc = export(t, ALL, FindingMarks.none());
    assertThat(TraceEventShape.problems(doc)).isEmpty();
    List<Map<String, Object>> begins = phase(doc, "B");
    assertThat(begins)
        .extracting(b -> b.get("name"))
        .containsExactly("lock 10", "lock 11", "lock 11");
    assertThat(ts(begins.get(2))).isEqualTo(2.5);
    assertThat(arg(begins.get(2), "began")).isEqualTo(1L);
    assertThat(JsonTree.at(doc, "otherData", "slicesCutToNest")).isEqualTo(1L);
  }

  @Test
  void anEndWithoutItsBeginIsAnInstantAndAStackCannotGrowWithoutBound() throws IOException {
    TraceBuilder t = new TraceBuilder();
    t.raw(EventKind.LOCK_RELEASE, 2, 10, LockMode.EXCLUSIVE);
    for (int i = 0; i < ThreadSlices.MAX_DEPTH + 40; i++) {
      t.raw(EventKind.LOCK_ACQUIRE, 2, 100 + i, LockMode.SHARED);
    }
    Object doc = export(t, ALL, FindingMarks.none());
    assertThat(TraceEventShape.problems(doc)).isEmpty();
    assertThat(JsonTree.at(doc, "otherData", "endsWithoutBegin")).isEqualTo(1L);
    assertThat(phase(doc, "B")).hasSize(ThreadSlices.MAX_DEPTH);
    assertThat(phase(doc, "E")).allMatch(e -> Boolean.TRUE.equals(arg(e, "unfinished")));
    assertThat(phase(doc, "i")).hasSize(41);
  }

  @Test
  void aWindowHoldsItsOrderKeysAndTheSlicesOpenWhenItStarts() throws IOException {
    TraceBuilder t = Scenarios.generic418Failure();
    long from = 30;
    long to = 45;
    Object doc = export(t, new PerfettoExport.Window(from, to, tid -> true), FindingMarks.none());
    assertThat(TraceEventShape.problems(doc)).isEmpty();
    assertThat(seqs(doc)).allMatch(s -> s >= from && s <= to).isNotEmpty();
    List<Map<String, Object>> reopened =
        phase(doc, "B").stream().filter(b -> arg(b, "began") != null).toList();
    assertThat(reopened).isNotEmpty().allMatch(b -> ts(b) < from);
    assertThat(events(doc)).filteredOn(e -> e.get("ts") != null).allMatch(e -> ts(e) <= to + 1);
  }

  @Test
  void aThreadFilterKeepsOnlyThoseThreads() throws IOException {
    TraceBuilder t = Scenarios.generic418Failure();
    Object doc =
        export(
            t, new PerfettoExport.Window(0, Long.MAX_VALUE, tid -> tid == 3), FindingMarks.none());
    assertThat(TraceEventShape.problems(doc)).isEmpty();
    assertThat(events(doc))
        .filteredOn(e -> !"process_name".equals(e.get("name")))
        .allMatch(e -> e.get("tid").equals(3L));
    long expected = t.events().stream().filter(e -> e.thread() == 3).count();
    assertThat(seqs(doc)).hasSize((int) expected);
  }

  @Test
  void findingsAreMarkedOnTheirOwnTrackAndOnTheirEvents() throws IOException {
    TraceBuilder t = Scenarios.generic418Failure();
    List<Finding> findings = Analyses.run(t, "all");
    Object doc = export(t, ALL, FindingMarks.of(findings));
    assertThat(TraceEventShape.problems(doc)).isEmpty();
    List<Map<String, Object>> marks =
        phase(doc, "i").stream().filter(i -> i.get("pid").equals(2L)).toList();
    int ops = findings.stream().mapToInt(f -> f.operations().size()).sum();
    assertThat(marks).hasSize(ops);
    int s2 = findings.indexOf(Analyses.of(findings, "s2").get(0)) + 1;
    assertThat(marks)
        .extracting(m -> (String) m.get("name"))
        .anyMatch(n -> n.startsWith("[" + s2 + "] S2 writer: "));
    Set<Long> marked =
        findings.stream()
            .flatMap(f -> f.operations().stream())
            .map(Operation::seq)
            .collect(Collectors.toSet());
    assertThat(events(doc))
        .filteredOn(e -> e.get("pid").equals(1L) && arg(e, "finding") != null)
        .extracting(e -> (Long) arg(e, "seq"))
        .containsExactlyInAnyOrderElementsOf(marked);
  }

  @Test
  void theShapeCheckCatchesWhatViewersCannotShow() {
    Object bad =
        JsonTree.parse(
            "{\"traceEvents\":["
                + "{\"ph\":\"M\",\"name\":\"thread_name\",\"pid\":1,\"tid\":2,\"args\":{\"name\":\"a\"}},"
                + "{\"ph\":\"B\",\"name\":\"x\",\"pid\":1,\"tid\":2,\"ts\":1},"
                + "{\"ph\":\"s\",\"name\":\"h\",\"id\":1,\"pid\":1,\"tid\":2,\"ts\":2},"
                + "{\"ph\":\"i\",\"name\":\"y\",\"pid\":1,\"tid\":3,\"ts\":3,\"s\":\"t\"}]}");
    assertThat(TraceEventShape.problems(bad))
        .anyMatch(p -> p.contains("never end"))
        .anyMatch(p -> p.contains("flow 1 is not one s followed by one later f"))
        .anyMatch(p -> p.contains("inside no slice"))
        .anyMatch(p -> p.contains("1/3 has events but no thread_name"));
  }
}
