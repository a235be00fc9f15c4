package io.hbtrace.analyzer.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options of the commands that start the agent on a program ({@code record}, {@code attach}):
 * where the trace goes, which tracepoint spec, which agent jar. A picocli mixin.
 */
final class RecordingOptions {
  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Trace directory to create.")
  Path out;

  @Option(
      names = "--spec",
      paramLabel = "FILE",
      description = "Tracepoint spec (default: the built-in sample-fs spec).")
  Path tracepoints;

  @Option(
      names = "--agent",
      paramLabel = "JAR",
      description = "The agent jar (default: agent/target/hbtrace-agent.jar).")
  Path agent;

  /** The trace directory of the program with process id {@code pid} ({@code {pid}} expanded). */
  String outFor(long pid) {
    return out.toString().replace("{pid}", Long.toString(pid));
  }

  /** The agent jar to load: {@code --agent}, else the built one; it must exist. */
  Path agentJar() throws CliException {
    return Home.require(agent, Home.agentJar(), "agent jar");
  }

  /** The agent's option string for these options, and the start report's option. */
  String agentOptions(AgentStart start) throws CliException {
    return AgentOptions.of(out, tracepoints) + "," + start.option();
  }
}
