package io.hbtrace.analyzer.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where hbtrace's other artifacts are: the agent jar and the sample-fs jar, found from the {@code
 * hbtrace.home} system property (set by the {@code ./hbtrace} launcher) or from the location of
 * this jar ({@code <home>/analyzer/target/hbtrace.jar}). The analyzer launches them; it never links
 * them.
 */
final class Home {
  private Home() {}

  static Path root() {
    String configured = System.getProperty("hbtrace.home");
    if (configured != null && !configured.isEmpty()) {
      return Path.of(configured);
    }
    try {
      Path here = Path.of(Home.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      // .../analyzer/target/hbtrace.jar or .../analyzer/target/classes
      return here.getParent().getParent().getParent();
    } catch (URISyntaxException | RuntimeException e) {
      return Path.of(".");
    }
  }

  static Path agentJar() {
    return root().resolve("agent/target/hbtrace-agent.jar");
  }

  static Path sampleFsJar() {
    return root().resolve("sample-fs/target/sample-fs.jar");
  }

  /** The jar at {@code given}, or at {@code fallback}; a one-line error if it is missing. */
  static Path require(Path given, Path fallback, String what) throws CliException {
    Path p = given != null ? given : fallback;
    if (!Files.isRegularFile(p)) {
      throw new CliException(
          ExitCodes.RUN,
          what + " not found at " + p + " (build it first: ./hbtrace builds on first use)");
    }
    return p.toAbsolutePath();
  }

  /** The java executable of the running JVM. */
  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
