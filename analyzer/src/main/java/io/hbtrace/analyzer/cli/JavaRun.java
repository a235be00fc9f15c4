package io.hbtrace.analyzer.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/** Runs a Java program with the agent attached, in a JVM of its own, and waits for it. */
final class JavaRun {
  private JavaRun() {}

  /**
   * {@code JAVA -javaagent:AGENT=OPTIONS [jvmArgs] -cp CLASSPATH MAIN ARGS}; the program's output
   * goes to {@code log} if not null, else to hbtrace's own. Returns its exit code.
   */
  static int run(
      String java,
      Path agent,
      String agentOptions,
      List<String> jvmArgs,
      String classPath,
      RecordedProgram program,
      Path log,
      long timeoutMinutes)
      throws CliException {
    List<String> cmd = new ArrayList<>();
    cmd.add(java);
    cmd.add("-javaagent:" + agent + "=" + agentOptions);
    cmd.addAll(jvmArgs);
    cmd.add("-cp");
    cmd.add(classPath);
    cmd.add(program.mainClass());
    cmd.addAll(program.arguments());
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.redirectInput(ProcessBuilder.Redirect.INHERIT); // a program that reads stdin gets the CLI's
    if (log == null) {
      pb.inheritIO();
    } else {
      pb.redirectErrorStream(true).redirectOutput(log.toFile());
    }
    try (ChildProcess child = ChildProcess.start(pb)) {
      Process p = child.process();
      if (!p.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new CliException(
            ExitCodes.RUN,
            program.mainClass() + " did not finish in " + timeoutMinutes + " minutes");
      }
      return p.exitValue();
    } catch (IOException e) {
      throw new CliException(ExitCodes.RUN, "cannot run " + cmd.get(0) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(ExitCodes.RUN, "interrupted while running " + program.mainClass(), e);
    }
  }

  /** The result file a run's agent wrote ({@code replayResult}, {@code exploreResult}). */
  static Properties result(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in); // the agent writes it as UTF-8 (Properties' stream form would be ISO-8859-1)
    }
    return p;
  }
}
