package io.hbtrace.traces;

import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.traces.event.Event;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Traces written by every earlier format version stay readable: one packed fixture per version (see
 * {@link FixtureTrace}), read by this version's reader; and real captured traces in {@code
 * traces/captured/} read without error.
 */
class CompatibilityTest {
  @TempDir Path tmp;

  private static Path fixture(String name) throws URISyntaxException {
    URL u = CompatibilityTest.class.getResource("/fixtures/" + name);
    assertThat(u)
        .as("fixture %s (generate it with FixtureTrace when the version changes)", name)
        .isNotNull();
    return Path.of(u.toURI());
  }

  @Test
  void theCurrentVersionHasAFixture() throws Exception {
    fixture(FixtureTrace.fileName());
  }

  /** 1.1 added a vocabulary value (Handoff.ELEMENT): the same events, read the same way. */
  @ParameterizedTest
  @ValueSource(strings = {"1.0", "1.1"})
  void eachFixtureReadsBackExactly(String version) throws Exception {
    Path f = fixture("format-" + version + ".hbt");
    List<Event> expected = FixtureTrace.write(tmp.resolve("fresh"));
    try (TraceReader r = TraceReader.open(f)) {
      StartRecord s = r.start();
      assertThat(s.formatVersion()).isEqualTo(version);
      assertThat(s.producer()).isEqualTo("hbtrace-fixture");
      assertThat(s.mainClass()).isEqualTo("io.hbtrace.samplefs.Generic418");
      assertThat(s.arguments()).containsExactly("--threads", "2", "--seed", "418");
      assertThat(s.metadata()).containsEntry("workload", "generic/418");
      int n = 0;
      for (Event e = r.next(); e != null; e = r.next()) {
        assertThat(e).isEqualTo(expected.get(n++));
      }
      assertThat(n).isEqualTo(expected.size());
      assertThat(r.truncated()).isFalse();
      assertThat(r.warnings()).isEmpty();
      assertThat(r.site(1).toString())
          .isEqualTo("io.hbtrace.samplefs.Inode.setSize(Inode.java:88)");
      assertThat(r.thread(2).name()).isEqualTo("reader-1");
      assertThat(r.end().orElseThrow().eventsWritten()).isEqualTo(expected.size());
    }
    assertThat(Files.size(f)).isLessThan(4096);
  }

  @Test
  void capturedTracesRead() throws Exception {
    Path captured = Path.of("captured");
    if (!Files.isDirectory(captured)) {
      return; // run from another directory than the module's
    }
    try (Stream<Path> s = Files.list(captured)) {
      for (Path p : (Iterable<Path>) s.filter(x -> x.toString().endsWith(".hbt"))::iterator) {
        assertThat(Files.size(p)).as("%s stays under 1 MB", p).isLessThan(1 << 20);
        try (TraceReader r = TraceReader.open(p)) {
          while (r.next() != null) {
            // every record decodes
          }
          assertThat(r.eventsRead()).as(p.toString()).isPositive();
        }
      }
    }
  }
}
