package io.hbtrace.agent.forked;

import static io.hbtrace.traces.event.EventKind.LOCK_ACQUIRE;
import static io.hbtrace.traces.event.EventKind.MONITOR_ENTER;
import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.agent.testing.ForkedJvm;
import io.hbtrace.agent.testing.ForkedJvm.Jdk;
import io.hbtrace.agent.testing.ForkedJvm.Result;
import io.hbtrace.agent.testing.TextTrace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Classes in a named module can call the bridge (the agent adds the read edge). */
class NamedModuleForkedTest {
  @TempDir static Path tmp;
  private static Path modules;

  @BeforeAll
  static void compile() throws Exception {
    Path src = Files.createDirectories(tmp.resolve("src/modapp/modapp"));
    Files.writeString(tmp.resolve("src/modapp/module-info.java"), "module modapp {}\n");
    Files.writeString(
        src.resolve("Main.java"),
        """
        package modapp;

        import java.util.concurrent.locks.ReentrantLock;

        public class Main {
          public static void main(String[] args) {
            ReentrantLock l = new ReentrantLock();
            l.lock();
            try {
              synchronized (Main.class) {
                System.out.println("modular " + Main.class.getModule().getName());
              }
            } finally {
              l.unlock();
            }
          }
        }
        """);
    modules = Files.createDirectories(tmp.resolve("mods/modapp"));
    int rc =
        ToolProvider.getSystemJavaCompiler()
            .run(
                null,
                null,
                null,
                "-d",
                modules.toString(),
                tmp.resolve("src/modapp/module-info.java").toString(),
                src.resolve("Main.java").toString());
    assertThat(rc).isZero();
  }

  static Stream<Jdk> jdks() {
    return ForkedJvm.jdks();
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void namedModuleIsRecorded(Jdk jdk) throws Exception {
    Path spec = Files.writeString(tmp.resolve(jdk + ".spec"), "spec 1\ninclude modapp.\n");
    Path out = tmp.resolve(jdk + "-trace");
    Process p =
        new ProcessBuilder(
                jdk.java().toString(),
                ForkedJvm.javaagent("out=" + out + ",spec=" + spec + ",format=text"),
                "--module-path",
                tmp.resolve("mods").toString(),
                "-m",
                "modapp/modapp.Main")
            .start();
    p.getOutputStream().close();
    var stdout = ForkedJvm.drain(p.getInputStream());
    var stderr = ForkedJvm.drain(p.getErrorStream());
    Result r = new Result(p.waitFor(), stdout.get(), stderr.get());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("modular modapp\n");
    TextTrace t = TextTrace.read(out);
    assertThat(t.events(LOCK_ACQUIRE)).hasSize(1);
    assertThat(t.events(MONITOR_ENTER)).hasSize(1);
    assertThat(List.of(r.err().split("\n"))).noneMatch(l -> l.startsWith("hbtrace-agent:"));
  }
}
