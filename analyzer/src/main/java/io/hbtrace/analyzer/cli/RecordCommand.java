package io.hbtrace.analyzer.cli;

import io.hbtrace.traces.TraceReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code hbtrace record --out DIR [--spec FILE] -- java ...}: runs the Java command with the agent
 * attached and exits with the program's own exit code.
 */
@Command(
    name = "record",
    description =
        "Run a Java command with the hbtrace agent attached: hbtrace record --out DIR -- java -cp app.jar Main")
final class RecordCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin RecordingOptions recording;

  @Parameters(
      paramLabel = "COMMAND",
      arity = "1..*",
      description = "The java command line, after --.")
  List<String> command;

  @Override
  public Integer call() throws CliException {
    String java = command.get(0);
    if (!(java.equals("java") || java.endsWith("/java") || java.endsWith("\\java.exe"))) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "the command must start with java (got '" + java + "')");
    }
    Path jar = recording.agentJar();
    try (AgentStart start = new AgentStart()) {
      List<String> cmd = new ArrayList<>();
      cmd.add(java);
      // stop at once if the agent cannot record: running the program unrecorded helps no one here
      cmd.add("-javaagent:" + jar + "=" + recording.agentOptions(start) + ",failOnError=true");
      cmd.addAll(command.subList(1, command.size()));
      int code;
      long pid;
      try (ChildProcess child = ChildProcess.start(new ProcessBuilder(cmd).inheritIO())) {
        pid = child.process().pid();
        code = child.process().waitFor();
      }
      start.requireRecording("");
      // the exit code cannot tell a program killed by a signal from one that exited with 128+n;
      // the trace can: one whose writer did not close it (kill -9, Runtime.halt) has no end
      Path out = Path.of(recording.outFor(pid));
      boolean unended = Files.isDirectory(out) && !TraceReader.ended(out);
      spec.commandLine()
          .getErr()
          .println(
              "hbtrace: trace written to "
                  + out
                  + (unended
                      ? " (it has no end record: the program was killed or halted (exit code "
                          + code
                          + "); it reads up to where it stopped)"
                      : ""));
      return code;
    } catch (IOException e) {
      throw new CliException(ExitCodes.RUN, "cannot run " + java + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(ExitCodes.RUN, "interrupted while waiting for " + java, e);
    }
  }
}
