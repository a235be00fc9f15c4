package io.hbtrace.analyzer.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.analyzer.Analyses;
import io.hbtrace.analyzer.Scenarios;
import io.hbtrace.analyzer.TraceBuilder;
import io.hbtrace.analyzer.check.CheckRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The text, JSON and SARIF reports of the scripted generic/418 failure, against golden files in
 * {@code src/test/resources/golden}. After an intended change, regenerate them with {@code
 * -Dhbtrace.golden.overwrite=true} and review the diff.
 */
class GoldenReportTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  private final TraceBuilder trace = Scenarios.generic418Failure();
  private final List<Finding> findings = Analyses.run(trace, "all");
  private final TraceFacts facts =
      new TraceFacts(
          "generic418-failure",
          trace.events().size(),
          3,
          false,
          "pre-fix",
          List.of("all"),
          List.of());

  @Test
  void textReport() throws IOException {
    StringWriter out = new StringWriter();
    TextReport.write(new PrintWriter(out), facts, findings, trace);
    assertGolden("generic418-failure.txt", out.toString());
  }

  @Test
  void jsonReport() throws IOException {
    StringWriter out = new StringWriter();
    JsonReport.write(out, facts, findings, trace);
    assertGolden("generic418-failure.json", out.toString());
  }

  @Test
  void sarifReport() throws IOException {
    StringWriter out = new StringWriter();
    SarifReport.write(out, "dev", rules(), facts, findings, trace);
    assertGolden("generic418-failure.sarif", out.toString());
  }

  /** Every registered check as a SARIF rule, as {@code check --format sarif} passes them. */
  static List<SarifReport.Rule> rules() {
    return CheckRegistry.all().stream()
        .map(e -> new SarifReport.Rule(e.name(), e.title()))
        .toList();
  }

  private static void assertGolden(String name, String actual) throws IOException {
    Path file = GOLDEN.resolve(name);
    if (Boolean.getBoolean("hbtrace.golden.overwrite") || !Files.exists(file)) {
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }
}
