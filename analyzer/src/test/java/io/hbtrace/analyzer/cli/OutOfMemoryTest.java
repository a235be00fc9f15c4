package io.hbtrace.analyzer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.analyzer.TraceBuilder;
import io.hbtrace.analyzer.TraceFiles;
import io.hbtrace.traces.event.EventKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A check that needs more heap than its JVM has (here: 400,000 objects whose volatile fields were
 * written and which the trace never says are gone, each keeping the clock of its last write, in a
 * 24 MiB heap) ends in one line saying how to give it more, with its own exit code, not a stack
 * trace.
 */
class OutOfMemoryTest {
  @TempDir Path tmp;

  @Test
  void runningOutOfHeapIsOneLineAndExit7() throws Exception {
    int objects = 400_000;
    TraceBuilder t = new TraceBuilder().mount(1);
    for (int o = 1; o <= objects; o++) {
      t.raw(EventKind.VOLATILE_WRITE, 1, 3, o, 1);
    }
    Path trace = TraceFiles.write(t, tmp.resolve("t"), List.of());
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx24m",
                "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
                "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
                "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                HbtraceMain.class.getName(),
                "check",
                trace.toString())
            .redirectErrorStream(false)
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(err).isEqualTo(ExitCodes.MEMORY);
    assertThat(err.strip().lines())
        .singleElement()
        .asString()
        .startsWith("hbtrace: out of memory: this needs more than the ")
        .contains("HBTRACE_JAVA_OPTS=-Xmx");
  }
}
