package io.hbtrace.analyzer.cli;

import java.io.IOException;
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
      // SIGTERM and SIGINT run the JVM's shutdown hooks, which end the trace; other signals do not
      boolean killed = code > 128 && code != 128 + 15 && code != 128 + 2;
      spec.commandLine()
          .getErr()
          .println(
              "hbtrace: trace written to "
                  + recording.outFor(pid)
                  + (killed
                      ? " (the program was killed by signal "
                          + (code - 128)
                          + ": the trace has no end and reads up to where it stopped)"
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
