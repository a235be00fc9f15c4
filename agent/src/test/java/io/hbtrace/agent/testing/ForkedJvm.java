package io.hbtrace.agent.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Launches real JVMs (Java 17 and, where installed, Temurin 25) for the forked-JVM tests. */
public final class ForkedJvm {

  /** A JDK to run on. */
  public record Jdk(String name, Path home) {
    public Path java() {
      return home.resolve("bin/java");
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** What a finished JVM left. */
  public record Result(int exit, String out, String err) {
    /**
     * stderr without the JVM's own warning about {@code sun.misc.Unsafe} memory access (JDK 24+,
     * printed once when Chronicle starts unless the JVM runs with {@code
     * --sun-misc-unsafe-memory-access=allow}).
     */
    public String errWithoutUnsafeWarning() {
      return err.lines()
          .filter(l -> !(l.startsWith("WARNING:") && l.contains("Unsafe")))
          .map(l -> l + "\n")
          .reduce("", String::concat);
    }

    /** stderr lines written by the agent. */
    public List<String> agentLines() {
      return err.lines().filter(l -> l.startsWith("hbtrace-agent:")).toList();
    }
  }

  private ForkedJvm() {}

  /** The JDK running the tests (17) and the Temurin 25 JDK if it is installed. */
  public static Stream<Jdk> jdks() {
    List<Jdk> out = new ArrayList<>();
    out.add(
        new Jdk("java" + Runtime.version().feature(), Path.of(System.getProperty("java.home"))));
    String j25 = System.getProperty("hbtrace.jdk25.home");
    if (j25 != null && Files.isExecutable(Path.of(j25, "bin/java"))) {
      out.add(new Jdk("java25", Path.of(j25)));
    }
    return out.stream();
  }

  /** The Temurin 25 JDK if it is installed (tests of what only newer Java has). */
  public static Stream<Jdk> java25() {
    return jdks().filter(j -> j.name().equals("java25"));
  }

  public static Jdk current() {
    return jdks().findFirst().orElseThrow();
  }

  public static Path agentJar() {
    Path p = Path.of(System.getProperty("hbtrace.agent.jar", "target/hbtrace-agent.jar"));
    if (!Files.isRegularFile(p)) {
      throw new IllegalStateException("agent jar not built: " + p + " (run mvn verify)");
    }
    return p.toAbsolutePath();
  }

  public static String testClasses() {
    return Path.of(System.getProperty("hbtrace.test.classes", "target/test-classes"))
        .toAbsolutePath()
        .toString();
  }

  /** {@code -javaagent:JAR=OPTIONS} */
  public static String javaagent(String options) {
    return "-javaagent:" + agentJar() + (options == null ? "" : "=" + options);
  }

  /** Starts {@code java JVM_ARGS -cp CP MAIN ARGS}. */
  public static Process start(Jdk jdk, List<String> jvmArgs, String cp, String main, String... args)
      throws IOException {
    return start(null, jdk, jvmArgs, cp, main, args);
  }

  private static Process start(
      Path cwd, Jdk jdk, List<String> jvmArgs, String cp, String main, String... args)
      throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(jdk.java().toString());
    cmd.add("-Xshare:auto");
    cmd.addAll(jvmArgs);
    cmd.add("-cp");
    cmd.add(cp);
    cmd.add(main);
    cmd.addAll(List.of(args));
    ProcessBuilder b = new ProcessBuilder(cmd);
    if (cwd != null) {
      b.directory(cwd.toFile());
    }
    return b.start();
  }

  /** Runs to the end (at most two minutes) and returns exit code and output. */
  public static Result run(Jdk jdk, List<String> jvmArgs, String cp, String main, String... args)
      throws Exception {
    return runIn(null, jdk, jvmArgs, cp, main, args);
  }

  /**
   * Compiles the one-class program {@code source} (class {@code main}, no package) with {@code
   * jdk}'s own javac into {@code dir/classes} (the tests build for Java 17; this program may use a
   * newer Java) and runs it to the end with the agent recording into {@code traceOf(dir)}, its spec
   * including the class.
   */
  public static Result recordProgram(Jdk jdk, Path dir, String main, String source)
      throws Exception {
    return recordProgram(jdk, dir, main, source, List.of());
  }

  /** {@link #recordProgram(Jdk, Path, String, String)} with more JVM options, e.g. a heap size. */
  public static Result recordProgram(
      Jdk jdk, Path dir, String main, String source, List<String> jvmArgs) throws Exception {
    Path src = Files.writeString(dir.resolve(main + ".java"), source);
    Path classes = Files.createDirectories(dir.resolve("classes"));
    Process javac =
        new ProcessBuilder(
                jdk.home().resolve("bin/javac").toString(),
                "-d",
                classes.toString(),
                src.toString())
            .inheritIO()
            .start();
    if (!javac.waitFor(120, TimeUnit.SECONDS) || javac.exitValue() != 0) {
      throw new AssertionError("javac failed on " + src);
    }
    Path spec = Files.writeString(dir.resolve("s.spec"), "spec 1\ninclude " + main + "\n");
    List<String> args = new ArrayList<>(jvmArgs);
    args.add(javaagent("out=" + traceOf(dir) + ",spec=" + spec));
    return run(jdk, args, classes.toString(), main);
  }

  /** Where {@link #recordProgram} records. */
  public static Path traceOf(Path dir) {
    return dir.resolve("t");
  }

  /** Runs sample-fs's {@code dio-invalidate-cache ARGS} (the reactor's jar) to the end. */
  public static Result dioInvalidateCache(Jdk jdk, List<String> jvmArgs, String... args)
      throws Exception {
    List<String> all = new ArrayList<>();
    all.add("dio-invalidate-cache");
    all.addAll(List.of(args));
    return runJar(
        jdk,
        jvmArgs,
        Path.of(System.getProperty("hbtrace.samplefs.jar")),
        all.toArray(new String[0]));
  }

  /** Runs {@code java JVM_ARGS -jar JAR ARGS} to the end. */
  public static Result runJar(Jdk jdk, List<String> jvmArgs, Path jar, String... args)
      throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(jdk.java().toString());
    cmd.addAll(jvmArgs);
    cmd.add("-jar");
    cmd.add(jar.toAbsolutePath().toString());
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).start();
    p.getOutputStream().close();
    CompletableFuture<String> out = drain(p.getInputStream());
    CompletableFuture<String> err = drain(p.getErrorStream());
    if (!p.waitFor(300, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("forked JVM timed out: " + cmd + "\n" + err.getNow(""));
    }
    return new Result(p.exitValue(), out.get(), err.get());
  }

  /** {@link #run} in working directory {@code cwd} (null: this one). */
  public static Result runIn(
      Path cwd, Jdk jdk, List<String> jvmArgs, String cp, String main, String... args)
      throws Exception {
    Process p = start(cwd, jdk, jvmArgs, cp, main, args);
    p.getOutputStream().close();
    CompletableFuture<String> out = drain(p.getInputStream());
    CompletableFuture<String> err = drain(p.getErrorStream());
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("forked JVM timed out: " + main + "\n" + err.getNow(""));
    }
    return new Result(p.exitValue(), out.get(), err.get());
  }

  public static CompletableFuture<String> drain(InputStream in) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            return "";
          }
        });
  }
}
