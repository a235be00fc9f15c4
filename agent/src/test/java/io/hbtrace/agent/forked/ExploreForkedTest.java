package io.hbtrace.agent.forked;

import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.agent.testing.ForkedJvm;
import io.hbtrace.agent.testing.ForkedJvm.Jdk;
import io.hbtrace.agent.testing.ForkedJvm.Result;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exploration with a real {@code -javaagent}, on Java 17 and 25, of a program that is not sample-fs
 * (its spec maps it to the same event kinds): with the size published after the invalidation some
 * interleavings cache stale zeros, and the first one found is the stale-size window; with the size
 * published first none does. Every interleaving within the bound is tried, and the program is
 * stopped when they have been.
 */
class ExploreForkedTest {
  static final String MAIN = "io.hbtrace.agenttest.explore.SizedCache";

  @TempDir Path tmp;

  static Stream<Jdk> jdks() {
    return ForkedJvm.jdks();
  }

  private Properties explore(Jdk jdk, String order) throws Exception {
    Path spec = tmp.resolve("sized-cache.spec");
    try (InputStream in = ExploreForkedTest.class.getResourceAsStream("/sized-cache.spec")) {
      Files.write(spec, in.readAllBytes());
    }
    Path result = tmp.resolve(order + ".properties");
    String options = "explore=dfs,explorePreemptions=2,exploreResult=" + result + ",spec=" + spec;
    Result r =
        ForkedJvm.run(
            jdk,
            List.of(ForkedJvm.javaagent(options)),
            ForkedJvm.testClasses(),
            MAIN,
            order,
            "100000");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).as("stopped once every interleaving was tried").doesNotContain("runs=");
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(result)) {
      p.load(in);
    }
    assertThat(p.getProperty("exhausted")).as(p.toString()).isEqualTo("true");
    assertThat(p.getProperty("search")).isEqualTo("every interleaving with at most 2 preemptions");
    return p;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jdks")
  void sizePublishedAfterTheInvalidationCorruptsSomeInterleavings(Jdk jdk) throws Exception {
    Properties p = explore(jdk, "racy");
    long runs = Long.parseLong(p.getProperty("runs"));
    long corrupt = Long.parseLong(p.getProperty("corrupt"));
    assertThat(runs).isGreaterThan(5);
    assertThat(corrupt).isBetween(1L, runs - 1);
    String first = p.getProperty("firstCorrupt");
    int invalidated = first.indexOf("writer: ");
    int sampled = first.indexOf("SIZE_SAMPLE", first.indexOf("PAGE_INVALIDATE"));
    int published = first.indexOf("SIZE_UPDATE", sampled);
    assertThat(invalidated).as(first).isGreaterThan(0);
    assertThat(sampled)
        .as("the reader samples after the invalidation: " + first)
        .isGreaterThan(invalidated);
    assertThat(published).as("and before the size is published: " + first).isGreaterThan(sampled);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jdks")
  void sizePublishedFirstCorruptsNone(Jdk jdk) throws Exception {
    Properties p = explore(jdk, "fixed");
    assertThat(Long.parseLong(p.getProperty("runs"))).isGreaterThan(5);
    assertThat(p.getProperty("corrupt")).isEqualTo("0");
    assertThat(p.getProperty("firstCorrupt")).isNull();
  }
}
