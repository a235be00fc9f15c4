package io.hbtrace.analyzer.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where the agent jar and the sample-fs jar are, for the verbs that run the model under the agent
 * ({@code demo}, {@code explore}); by default the ones built beside the launcher. A picocli mixin.
 */
final class ModelJars {
  @Option(names = "--agent", paramLabel = "JAR", description = "The agent jar.")
  Path agent;

  @Option(names = "--workload", paramLabel = "JAR", description = "The sample-fs jar.")
  Path workload;

  /** The agent jar; a run error naming the path if it is not there. */
  Path agentJar() throws CliException {
    return Home.require(agent, Home.agentJar(), "agent jar");
  }

  /** The sample-fs jar; a run error naming the path if it is not there. */
  Path sampleFsJar() throws CliException {
    return Home.require(workload, Home.sampleFsJar(), "sample-fs jar");
  }
}
