package io.hbtrace.analyzer.cli;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code hbtrace attach PID --out DIR}: loads the agent into a running JVM; it records from then
 * on.
 */
@Command(
    name = "attach",
    description = "Attach the agent to a running JVM; it records from then on.")
final class AttachCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "PID", description = "Process id of the JVM.")
  long pid;

  @Mixin RecordingOptions recording;

  @Override
  public Integer call() throws CliException {
    Path jar = recording.agentJar();
    try (AgentStart start = new AgentStart()) {
      attach(jar, recording.agentOptions(start));
      start.requireRecording(" in JVM " + pid);
    }
    spec.commandLine()
        .getOut()
        .printf("attached to %d: recording into %s%n", pid, recording.outFor(pid));
    return ExitCodes.OK;
  }

  private void attach(Path jar, String options) throws CliException {
    if (notAJvm(Path.of("/proc", Long.toString(pid), "maps"))) {
      throw new CliException(
          ExitCodes.RUN, "cannot attach to " + pid + ": the process is not a Java VM (no libjvm)");
    }
    VirtualMachine vm;
    try {
      vm = VirtualMachine.attach(Long.toString(pid));
    } catch (AttachNotSupportedException | IOException e) {
      throw new CliException(
          ExitCodes.RUN, "cannot attach to JVM " + pid + ": " + e.getMessage(), e);
    }
    try {
      vm.loadAgent(jar.toString(), options);
    } catch (AgentLoadException | AgentInitializationException | IOException e) {
      boolean gone = exits(pid);
      throw new CliException(
          ExitCodes.RUN,
          gone
              ? "JVM " + pid + " exited while the agent was starting (its trace may be unfinished)"
              : "agent failed to start in JVM " + pid + ": " + e.getMessage(),
          e);
    } finally {
      try {
        vm.detach();
      } catch (IOException ignored) {
        // the agent is loaded or not; detaching cannot change that
      }
    }
  }

  /**
   * Whether the memory map {@code maps} (Linux's {@code /proc/PID/maps}) shows a process that has
   * no JVM loaded. False when it cannot tell (no such file, not readable): the attach then finds
   * out itself, after its 10-second wait for an answer that a process without a JVM never gives.
   */
  static boolean notAJvm(Path maps) {
    try (var lines = Files.lines(maps)) {
      return lines.noneMatch(l -> l.endsWith("/libjvm.so"));
    } catch (IOException | UncheckedIOException | SecurityException e) {
      return false;
    }
  }

  /** Whether process {@code pid} is gone or goes within a second (it may be still exiting). */
  private static boolean exits(long pid) {
    return ProcessHandle.of(pid)
        .map(
            p -> {
              try {
                p.onExit().get(1, TimeUnit.SECONDS);
                return true;
              } catch (TimeoutException e) {
                return false;
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
              } catch (ExecutionException e) {
                return !p.isAlive();
              }
            })
        .orElse(true);
  }
}
