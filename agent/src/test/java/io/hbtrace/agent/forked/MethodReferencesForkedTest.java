package io.hbtrace.agent.forked;

import static io.hbtrace.traces.event.EventKind.HANDOFF_RECEIVE;
import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.agent.testing.ForkedJvm;
import io.hbtrace.agent.testing.ForkedJvm.Jdk;
import io.hbtrace.agent.testing.ForkedJvm.Result;
import io.hbtrace.agent.testing.ReadTrace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A program joining futures through {@code CompletableFuture::join} in a stream, recorded with the
 * real agent: the joins are recorded at the line of the reference, before and after another agent
 * retransforms the program's class (as a mocking library does), which the methods the agent added
 * to it must survive: a retransformation may not add or remove methods.
 */
class MethodReferencesForkedTest {
  private static final String PROGRAM =
      """
      import java.lang.instrument.Instrumentation;
      import java.util.ArrayList;
      import java.util.List;
      import java.util.concurrent.CompletableFuture;
      import java.util.concurrent.ExecutorService;
      import java.util.concurrent.Executors;

      public class Refs {
        static int joined(ExecutorService pool) {
          List<CompletableFuture<Integer>> fs = new ArrayList<>();
          for (int i = 1; i <= 3; i++) {
            int n = i;
            fs.add(CompletableFuture.supplyAsync(() -> n, pool));
          }
          return fs.stream().map(CompletableFuture::join).mapToInt(Integer::intValue).sum();
        }

        public static void main(String[] args) throws Exception {
          ExecutorService pool = Executors.newFixedThreadPool(2);
          try {
            int before = joined(pool);
            Retransformer.inst.retransformClasses(Refs.class);
            int after = joined(pool);
            System.out.println(before + " " + after);
          } finally {
            pool.shutdown();
          }
        }
      }

      class Retransformer {
        static volatile Instrumentation inst;

        public static void premain(String options, Instrumentation i) {
          inst = i;
        }
      }
      """;

  @TempDir Path tmp;

  static Stream<Jdk> jdks() {
    return ForkedJvm.jdks();
  }

  /**
   * The second agent's jar: a manifest naming the program's {@code Retransformer}, allowed to
   * retransform (the system class loader finds the class itself on the program's class path).
   */
  private Path retransformerJar() throws Exception {
    Manifest m = new Manifest();
    m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    m.getMainAttributes().putValue("Premain-Class", "Retransformer");
    m.getMainAttributes().putValue("Can-Retransform-Classes", "true");
    Path jar = tmp.resolve("retransformer.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), m)) {
      out.flush();
    }
    return jar;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jdks")
  void joinsThroughAReferenceAreRecordedBeforeAndAfterARetransformation(Jdk jdk) throws Exception {
    Path jar = retransformerJar();
    Result r = ForkedJvm.recordProgram(jdk, tmp, "Refs", PROGRAM, List.of("-javaagent:" + jar));
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("6 6\n");
    ReadTrace t = ReadTrace.read(ForkedJvm.traceOf(tmp));
    assertThat(t.events(HANDOFF_RECEIVE))
        .filteredOn(e -> t.sites.get(e.site()).method().equals("joined::join"))
        .hasSize(6);
  }
}
