package io.hbtrace.agent.forked;

import static io.hbtrace.traces.event.EventKind.MONITOR_ENTER;
import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.agent.testing.ForkedJvm;
import io.hbtrace.agent.testing.ForkedJvm.Jdk;
import io.hbtrace.agent.testing.ForkedJvm.Result;
import io.hbtrace.agent.testing.ReadTrace;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An application that carries its own Byte Buddy (another version) and plain Chronicle Queue, and
 * uses both while recorded: the agent's relocated copies in their own class loader never meet them.
 * The application is compiled here, against Byte Buddy 1.17.7.
 */
class OwnLibrariesForkedTest {
  private static final String APP =
      """
      package ownlibs;

      import java.nio.file.Path;
      import net.bytebuddy.ByteBuddy;
      import net.bytebuddy.ClassFileVersion;
      import net.bytebuddy.implementation.FixedValue;
      import net.bytebuddy.matcher.ElementMatchers;
      import net.openhft.chronicle.queue.ChronicleQueue;

      public class App {
        public static void main(String[] args) throws Exception {
          Class<?> made = new ByteBuddy(ClassFileVersion.JAVA_V17).subclass(Object.class)
              .method(ElementMatchers.named("toString")).intercept(FixedValue.value("made by the app"))
              .make().load(App.class.getClassLoader()).getLoaded();
          System.out.println(made.getDeclaredConstructor().newInstance());
          String bb = ByteBuddy.class.getProtectionDomain().getCodeSource().getLocation().toString();
          System.out.println("byte buddy 1.17.7: " + bb.contains("1.17.7"));
          try (ChronicleQueue q = ChronicleQueue.singleBuilder(Path.of(args[0])).build()) {
            q.createAppender().writeText("hello queue");
            System.out.println(q.createTailer().readText());
          }
          // the app's Chronicle loaded ./system.properties, as it does without the agent
          System.out.println("marker " + System.getProperty("hbtrace.test.marker"));
          Object m = new Object();
          synchronized (m) {
            System.out.println("synchronized");
          }
        }
      }
      """;

  private static final String EXPECTED =
      "made by the app\nbyte buddy 1.17.7: true\nhello queue\nmarker from-file\nsynchronized\n";

  @TempDir static Path tmp;
  private static String classPath;

  @BeforeAll
  static void compile() throws Exception {
    Path libs = Path.of(System.getProperty("hbtrace.app.libs", "target/app-libs"));
    List<String> cp = new ArrayList<>();
    try (Stream<Path> s = Files.list(libs)) {
      s.forEach(p -> cp.add(p.toAbsolutePath().toString()));
    }
    // plain (unrelocated) Chronicle and its dependencies, as the test's own class path has them
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (e.contains("openhft") || e.contains("slf4j")) {
        cp.add(e);
      }
    }
    Path src = Files.createDirectories(tmp.resolve("src/ownlibs")).resolve("App.java");
    Files.writeString(src, APP);
    Path classes = Files.createDirectories(tmp.resolve("classes"));
    String libPath = String.join(File.pathSeparator, cp);
    int rc =
        ToolProvider.getSystemJavaCompiler()
            .run(null, null, null, "-d", classes.toString(), "-cp", libPath, src.toString());
    assertThat(rc).isZero();
    classPath = classes + File.pathSeparator + libPath;
  }

  static Stream<Jdk> jdks() {
    return ForkedJvm.jdks();
  }

  /** The flags an application using Chronicle passes for itself. */
  private static List<String> appFlags() {
    return List.of(
        "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
        "--add-opens=java.base/java.lang=ALL-UNNAMED",
        "--add-opens=java.base/java.nio=ALL-UNNAMED",
        "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
        "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
        "-Dchronicle.analytics.disable=true",
        "-Dchronicle.announcer.disable=true");
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void appUsesItsOwnByteBuddyAndChronicleWhileRecorded(Jdk jdk) throws Exception {
    Path spec = Files.writeString(tmp.resolve(jdk + ".spec"), "spec 1\ninclude ownlibs.\n");
    Path out = tmp.resolve(jdk + "-trace");
    List<String> flags = new ArrayList<>(appFlags());
    flags.add(ForkedJvm.javaagent("out=" + out + ",spec=" + spec));
    Path cwd = Files.createDirectories(tmp.resolve(jdk + "-cwd"));
    Files.writeString(cwd.resolve("system.properties"), "hbtrace.test.marker=from-file\n");
    Result plain =
        ForkedJvm.runIn(
            cwd, jdk, appFlags(), classPath, "ownlibs.App", tmp.resolve(jdk + "-q0").toString());
    assertThat(plain.out()).as(plain.err()).isEqualTo(EXPECTED);
    Result r =
        ForkedJvm.runIn(
            cwd, jdk, flags, classPath, "ownlibs.App", tmp.resolve(jdk + "-q").toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo(EXPECTED);
    assertThat(r.agentLines()).isEmpty();
    assertThat(Files.list(out).map(p -> p.getFileName().toString()).collect(Collectors.toList()))
        .isNotEmpty();
    assertThat(ReadTrace.read(out).events(MONITOR_ENTER)).hasSize(1);
  }
}
