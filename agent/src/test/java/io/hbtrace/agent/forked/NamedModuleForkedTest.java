package io.hbtrace.agent.forked;

import static io.hbtrace.traces.event.EventKind.LOCK_ACQUIRE;
import static io.hbtrace.traces.event.EventKind.MONITOR_ENTER;
import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.agent.testing.ForkedJvm;
import io.hbtrace.agent.testing.ForkedJvm.Jdk;
import io.hbtrace.agent.testing.ForkedJvm.Result;
import io.hbtrace.agent.testing.ReadTrace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

  /** Runs the modular app with the agent; {@code jvmArgs} go before the agent option. */
  private static Result runModule(Jdk jdk, Path out, String... jvmArgs) throws Exception {
    Path spec = Files.writeString(tmp.resolve(jdk + ".spec"), "spec 1\ninclude modapp.\n");
    List<String> cmd = new ArrayList<>();
    cmd.add(jdk.java().toString());
    cmd.addAll(List.of(jvmArgs));
    cmd.add(ForkedJvm.javaagent("out=" + out + ",spec=" + spec));
    cmd.addAll(
        List.of("--module-path", tmp.resolve("mods").toString(), "-m", "modapp/modapp.Main"));
    Process p = new ProcessBuilder(cmd).start();
    p.getOutputStream().close();
    var stdout = ForkedJvm.drain(p.getInputStream());
    var stderr = ForkedJvm.drain(p.getErrorStream());
    return new Result(p.waitFor(), stdout.get(), stderr.get());
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void namedModuleIsRecorded(Jdk jdk) throws Exception {
    Path out = tmp.resolve(jdk + "-trace");
    Result r = runModule(jdk, out, "--add-modules", "jdk.unsupported");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("modular modapp\n");
    assertThat(r.agentLines()).isEmpty();
    ReadTrace t = ReadTrace.read(out);
    assertThat(t.events(LOCK_ACQUIRE)).hasSize(1);
    assertThat(t.events(MONITOR_ENTER)).hasSize(1);
  }

  /** Without jdk.unsupported in the boot layer the writer cannot run: one line says what to add. */
  @ParameterizedTest
  @MethodSource("jdks")
  void withoutJdkUnsupportedOneLineNamesTheFlag(Jdk jdk) throws Exception {
    Result r = runModule(jdk, tmp.resolve(jdk + "-none"));
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("modular modapp\n");
    assertThat(r.agentLines())
        .singleElement()
        .asString()
        .contains("add --add-modules jdk.unsupported")
        .endsWith("; the program runs unrecorded");
  }
}
