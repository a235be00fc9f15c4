package io.hbtrace.analyzer.report;

import static io.hbtrace.analyzer.report.JsonTree.array;
import static io.hbtrace.analyzer.report.JsonTree.at;
import static io.hbtrace.analyzer.report.JsonTree.object;
import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.analyzer.Analyses;
import io.hbtrace.analyzer.Scenarios;
import io.hbtrace.analyzer.SourceSite;
import io.hbtrace.analyzer.Symbols;
import io.hbtrace.analyzer.TraceBuilder;
import io.hbtrace.analyzer.check.CheckRegistry;
import io.hbtrace.traces.event.EventKind;
import io.hbtrace.traces.event.Events;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The SARIF log's structure and content on the scripted generic/418 failure. */
class SarifReportTest {
  private final TraceBuilder trace = Scenarios.generic418Failure();
  private final List<Finding> findings = Analyses.run(trace, "all");
  private final TraceFacts facts =
      new TraceFacts("g418", trace.events().size(), 3, false, "pre-fix", List.of("all"), List.of());

  private Object sarif(TraceFacts f, List<Finding> found) throws IOException {
    StringWriter out = new StringWriter();
    SarifReport.write(out, "9.9", GoldenReportTest.rules(), f, found, trace);
    return JsonTree.parse(out.toString());
  }

  @Test
  void hasTheShapeOfSarif210() throws IOException {
    Object log = sarif(facts, findings);
    assertThat(SarifShape.problems(log)).isEmpty();
    assertThat(array(at(log, "runs"))).hasSize(1);
    assertThat(at(log, "runs", 0, "tool", "driver", "name")).isEqualTo("hbtrace");
    assertThat(at(log, "runs", 0, "tool", "driver", "version")).isEqualTo("9.9");
  }

  @Test
  void theShapeCheckFailsOnWhatTheSchemaForbids() throws IOException {
    Object log = sarif(facts, findings);
    Map<String, Object> result = object(at(log, "runs", 0, "results", 0));
    result.put("level", "fatal");
    result.put("severity", "high");
    object(at(log, "runs", 0, "tool", "driver")).remove("name");
    assertThat(SarifShape.problems(log))
        .anyMatch(p -> p.contains(".level") && p.contains("fatal"))
        .anyMatch(p -> p.contains(".severity") && p.contains("not a property"))
        .anyMatch(p -> p.contains("driver.name") && p.contains("required"));
  }

  @Test
  void oneRulePerSelectedCheckAndOneResultPerFinding() throws IOException {
    Object log = sarif(facts, findings);
    List<Object> rules = array(at(log, "runs", 0, "tool", "driver", "rules"));
    assertThat(rules)
        .extracting(r -> object(r).get("id"))
        .containsExactlyElementsOf(
            CheckRegistry.all().stream().map(CheckRegistry.Entry::name).toList());
    assertThat(at(rules.get(1), "name")).isEqualTo("StaleSizeWindow");
    assertThat((String) at(rules.get(1), "help", "text")).contains("predictively");
    List<Object> results = array(at(log, "runs", 0, "results"));
    assertThat(results).hasSameSizeAs(findings);
    for (int i = 0; i < results.size(); i++) {
      Finding f = findings.get(i);
      Object r = results.get(i);
      assertThat(at(r, "ruleId")).isEqualTo(f.check());
      assertThat(at(rules.get(((Long) at(r, "ruleIndex")).intValue()), "id")).isEqualTo(f.check());
      assertThat((String) at(r, "message", "text")).startsWith(f.title() + " (inode " + f.ino());
      assertThat(at(r, "properties", "observed")).isEqualTo(f.observed());
      assertThat(at(r, "properties", "occurrences")).isEqualTo(f.occurrences());
      assertThat(at(r, "properties", "inode")).isEqualTo(f.ino());
      assertThat(object(at(r, "properties", "values")).keySet())
          .containsExactlyElementsOf(f.orderedValues().keySet());
    }
  }

  @Test
  void theFirstOperationIsTheLocationAndTheOthersAreRelated() throws IOException {
    Object log = sarif(facts, findings);
    Finding s2 = Analyses.of(findings, "s2").get(0);
    Object r = array(at(log, "runs", 0, "results")).get(findings.indexOf(s2));
    Operation first = s2.operations().get(0);
    SourceSite site = trace.site(first.event().site());
    Object loc = at(r, "locations", 0);
    assertThat(at(loc, "physicalLocation", "artifactLocation", "uri"))
        .isEqualTo("io/hbtrace/samplefs/Model.java");
    assertThat(at(loc, "physicalLocation", "artifactLocation", "uriBaseId")).isEqualTo("SRCROOT");
    assertThat(at(loc, "physicalLocation", "region", "startLine")).isEqualTo((long) site.line());
    assertThat(at(loc, "logicalLocations", 0, "fullyQualifiedName"))
        .isEqualTo("io.hbtrace.samplefs.Model." + site.method());
    assertThat(array(at(r, "relatedLocations"))).hasSize(s2.operations().size() - 1);
  }

  @Test
  void theInterleavingIsOneThreadFlowPerThreadInTraceOrder() throws IOException {
    Object log = sarif(facts, findings);
    Finding s2 = Analyses.of(findings, "s2").get(0);
    Object r = array(at(log, "runs", 0, "results")).get(findings.indexOf(s2));
    List<Object> flows = array(at(r, "codeFlows", 0, "threadFlows"));
    Set<Integer> threads = new HashSet<>();
    s2.operations().forEach(op -> threads.add(op.thread()));
    assertThat(flows).hasSize(threads.size());
    assertThat(flows)
        .extracting(t -> object(t).get("id"))
        .containsExactlyInAnyOrder("child-0", "child-1");
    List<Long> order = new ArrayList<>();
    for (Object t : flows) {
      long last = 0;
      for (Object step : array(at(t, "locations"))) {
        long n = (Long) at(step, "executionOrder");
        assertThat(n).isGreaterThan(last);
        last = n;
        order.add(n);
        long seq = (Long) at(step, "properties", "seq");
        assertThat(s2.operations().get((int) n - 1).seq()).isEqualTo(seq);
      }
    }
    assertThat(order).containsExactlyInAnyOrder(seqRange(s2.operations().size()));
  }

  private static Long[] seqRange(int n) {
    Long[] a = new Long[n];
    for (int i = 0; i < n; i++) {
      a[i] = (long) i + 1;
    }
    return a;
  }

  @Test
  void everyRegisteredCheckHasANameAndHelp() {
    for (CheckRegistry.Entry e : CheckRegistry.all()) {
      assertThat(CheckHelp.describes(e.name())).as(e.name()).isTrue();
      assertThat(CheckHelp.of(e.name(), e.title()).help()).as(e.name()).endsWith(".");
    }
  }

  @Test
  void severitiesMapToLevels() {
    assertThat(SarifReport.level(Severity.ERROR)).isEqualTo("error");
    assertThat(SarifReport.level(Severity.WARNING)).isEqualTo("warning");
  }

  @Test
  void fingerprintsFollowTheSitesNotTheirIdsInOneTrace() {
    Finding a = new Finding("s2", Severity.ERROR, 12, "t", "3:7:9");
    Finding b = new Finding("s2", Severity.ERROR, 12, "t", "5:2:4");
    Symbols first = sites(Map.of(3, "inv", 7, "size", 9, "sample"));
    Symbols second = sites(Map.of(5, "inv", 2, "size", 4, "sample"));
    assertThat(SarifLocations.fingerprint(a, first))
        .isEqualTo(SarifLocations.fingerprint(b, second))
        .hasSize(32);
    Symbols moved = sites(Map.of(5, "inv", 2, "size", 4, "otherSample"));
    assertThat(SarifLocations.fingerprint(b, moved))
        .isNotEqualTo(SarifLocations.fingerprint(b, second));
    Finding other = new Finding("s1", Severity.ERROR, 12, "t", "5:2:4");
    assertThat(SarifLocations.fingerprint(other, second))
        .isNotEqualTo(SarifLocations.fingerprint(b, second));
    assertThat(
            SarifLocations.keySites(new Finding("o3", Severity.WARNING, 1, "t", "3:strict"), first))
        .containsExactly("io.x.Model.inv:30", "strict");
  }

  private static Symbols sites(Map<Integer, String> methods) {
    return new Symbols() {
      @Override
      public String string(int id) {
        return "?";
      }

      @Override
      public SourceSite site(int id) {
        String m = methods.get(id);
        return m == null
            ? SourceSite.UNKNOWN
            : new SourceSite("io.x.Model", m, "Model.java", m.length() * 10);
      }

      @Override
      public String threadName(int tid) {
        return "t" + tid;
      }
    };
  }

  @Test
  void aCleanTraceHasNoResultsAndATruncatedOneSaysSo() throws IOException {
    TraceFacts torn =
        new TraceFacts("g418", 10, 3, true, "", List.of("s2"), List.of("3 events missing"));
    Object log = sarif(torn, List.of());
    assertThat(SarifShape.problems(log)).isEmpty();
    assertThat(array(at(log, "runs", 0, "results"))).isEmpty();
    assertThat(array(at(log, "runs", 0, "invocations", 0, "toolExecutionNotifications")))
        .extracting(n -> (String) at(n, "message", "text"))
        .anySatisfy(t -> assertThat(t).contains("no end record"))
        .anySatisfy(t -> assertThat(t).isEqualTo("3 events missing"));
    assertThat(at(log, "runs", 0, "properties", "truncated")).isEqualTo(true);

    TraceFacts saidByTheReader =
        new TraceFacts(
            "g418", 10, 3, true, "", List.of("s2"), List.of("no END record: the writer died"));
    assertThat(
            array(
                at(
                    sarif(saidByTheReader, List.of()),
                    "runs",
                    0,
                    "invocations",
                    0,
                    "toolExecutionNotifications")))
        .hasSize(1); // once, not twice in other words
  }

  @Test
  void anOperationWithoutASourceHasOnlyAMessage() throws IOException {
    TraceBuilder t = new TraceBuilder();
    Finding f = new Finding("o1", Severity.ERROR, 0, "orphans left at unmount", "0:count");
    f.operation(
        new Operation(
            "unmount",
            Events.create(EventKind.UNMOUNT, 7, 1, 0, new long[EventKind.MAX_FIELDS]),
            "unmount"));
    StringWriter out = new StringWriter();
    SarifReport.write(out, "dev", GoldenReportTest.rules(), facts, List.of(f), t);
    Object log = JsonTree.parse(out.toString());
    assertThat(SarifShape.problems(log)).isEmpty();
    Object loc = at(log, "runs", 0, "results", 0, "locations", 0);
    assertThat(object(loc)).containsOnlyKeys("message");
  }
}
