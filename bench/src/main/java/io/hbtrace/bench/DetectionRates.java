package io.hbtrace.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The detection table of the analyzer README: for every variant, many recorded runs of the
 * generic/418 workload (and of the crash workload for the orphan mistakes), each run checked on its
 * own, next to what the run observably did.
 *
 * <pre>
 * mvn -q -DskipTests package
 * bench/detection-rates.sh [RUNS [CRASH_POINTS]]
 * </pre>
 *
 * (from the repository root; defaults 200 runs and 100 crash points; about ten minutes on 2 cores.)
 */
public final class DetectionRates {
  static final List<String> FIXES = List.of("upstream", "endio-all", "xfs", "rework-2023");
  static final List<String> BUGS =
      List.of(
          "bug-orphan-leak",
          "bug-del-before-truncate",
          "bug-aio-endio-unlocked",
          "bug-del-before-disksize",
          "bug-add-after-alloc");

  /** The check that must flag each seeded mistake, and the path that exercises it. */
  static final Map<String, String[]> EXPECTED =
      Map.of(
          "bug-orphan-leak", new String[] {"o1", "error-return"},
          "bug-del-before-truncate", new String[] {"o2", "truncated-after-short-write"},
          "bug-aio-endio-unlocked", new String[] {"o3", "async-completion-extension"},
          "bug-del-before-disksize", new String[] {"o4", "extending-done"},
          "bug-add-after-alloc", new String[] {"o6", "alloc-beyond-size"});

  private DetectionRates() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int crashPoints = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    PrintStream o = System.out;
    Path dir = Files.createTempDirectory("hbtrace-rates");
    try {
      o.printf(
          "## Stale-window detection: dio-invalidate-cache -w -b 1024 -n 8 -i 4, %d runs per row%n%n",
          runs);
      o.println(
          "| variant | faults | runs | reader concurrent with an extending write | flagged by S2 | S2 among concurrent | corruption seen by the workload | corrupted runs flagged | runs with any finding |");
      o.println("|---|---|---|---|---|---|---|---|---|");
      staleRow(o, dir, "pre-fix", runs);
      for (String v : FIXES) {
        staleRow(o, dir, v, runs);
        staleRow(o, dir, v, runs, "--fault-rate", "0.01");
      }
      for (String v : BUGS) {
        staleRow(o, dir, v, runs);
      }
      o.printf(
          "%n## Orphan mistakes: crash-consistency --ops 60 --fault-rate 0.1, %d crash points per variant, each run checked%n%n",
          crashPoints);
      o.println(
          "| variant | runs | runs where the mistake's path ran | flagged by its check | S-check findings | runs with any finding |");
      o.println("|---|---|---|---|---|---|");
      for (String v : FIXES) {
        orphanRow(o, dir, v, crashPoints);
      }
      for (String v : BUGS) {
        orphanRow(o, dir, v, crashPoints);
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void staleRow(PrintStream o, Path dir, String variant, int runs, String... extra)
      throws Exception {
    Path trace = RecordedTrace.record(dir, variant, runs, extra);
    List<RunVerdicts.Run> rs = RunVerdicts.of(trace);
    long concurrent = rs.stream().filter(r -> r.facts().readerConcurrentWithExtendingWrite).count();
    long s2 = rs.stream().filter(r -> r.flagged("s2")).count();
    long s2AmongConcurrent =
        rs.stream()
            .filter(r -> r.facts().readerConcurrentWithExtendingWrite && r.flagged("s2"))
            .count();
    long corrupted = rs.stream().filter(r -> r.facts().corruptionSeen).count();
    long corruptedFlagged =
        rs.stream().filter(r -> r.facts().corruptionSeen && r.flagged("s2")).count();
    long any = rs.stream().filter(r -> !r.checks().isEmpty()).count();
    o.printf(
        "| %s | %s | %d | %d | %d (%s) | %s | %d (%s) | %s | %d |%n",
        variant,
        extra.length == 0 ? "-" : String.join(" ", extra),
        rs.size(),
        concurrent,
        s2,
        pct(s2, rs.size()),
        ratio(s2AmongConcurrent, concurrent),
        corrupted,
        pct(corrupted, rs.size()),
        ratio(corruptedFlagged, corrupted),
        any);
    o.flush();
    delete(trace);
  }

  private static void orphanRow(PrintStream o, Path dir, String variant, int crashPoints)
      throws Exception {
    Path trace =
        RecordedTrace.recordWorkload(
            dir,
            variant + "-crash",
            List.of(
                "crash-consistency",
                "--variant",
                variant,
                "--seed",
                "1",
                "--ops",
                "60",
                "--crash-points",
                Integer.toString(crashPoints)));
    List<RunVerdicts.Run> rs = RunVerdicts.of(trace);
    String[] expected = EXPECTED.get(variant);
    long pathRan =
        expected == null
            ? 0
            : rs.stream().filter(r -> r.facts().paths.contains(expected[1])).count();
    long flagged =
        expected == null
            ? 0
            : rs.stream()
                .filter(r -> r.facts().paths.contains(expected[1]) && r.flagged(expected[0]))
                .count();
    long sFindings =
        rs.stream().filter(r -> r.checks().stream().anyMatch(c -> c.startsWith("s"))).count();
    long any = rs.stream().filter(r -> !r.checks().isEmpty()).count();
    o.printf(
        "| %s | %d | %s | %s | %d | %d |%n",
        variant,
        rs.size(),
        expected == null ? "-" : pathRan + " (" + expected[1] + ")",
        expected == null ? "-" : expected[0] + ": " + ratio(flagged, pathRan),
        sFindings,
        any);
    o.flush();
    delete(trace);
  }

  private static String pct(long n, long of) {
    return of == 0 ? "-" : String.format("%.1f%%", 100.0 * n / of);
  }

  private static String ratio(long n, long of) {
    return of == 0 ? "-" : n + "/" + of + " (" + pct(n, of) + ")";
  }

  private static void delete(Path p) throws IOException {
    try (Stream<Path> files = Files.walk(p)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }
}
