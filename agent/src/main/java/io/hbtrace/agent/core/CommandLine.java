package io.hbtrace.agent.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;

/**
 * The recorded program's main class and arguments, from the {@code sun.java.command} property the
 * launcher sets ("MAIN ARG..." or "JAR ARG..."; the launcher joins with single spaces, so an
 * argument containing a space cannot be told apart, as in the JDK's own tools). A jar's path may
 * contain spaces: {@code java -jar} makes it the whole class path, which tells where it ends.
 *
 * @param jar the jar given to {@code java -jar}, or null
 */
record CommandLine(String mainClass, List<String> arguments, String jar) {

  static CommandLine current() {
    return parse(
        System.getProperty("sun.java.command", ""), System.getProperty("java.class.path", ""));
  }

  static CommandLine parse(String command) {
    return parse(command, "");
  }

  /** {@code command} as {@code sun.java.command} gives it, with the JVM's {@code classPath}. */
  static CommandLine parse(String command, String classPath) {
    String trimmed = command == null ? "" : command.trim();
    if (trimmed.isEmpty()) {
      return new CommandLine("", List.of(), null);
    }
    if (classPath != null
        && classPath.endsWith(".jar")
        && (trimmed.equals(classPath) || trimmed.startsWith(classPath + " "))) {
      String rest = trimmed.substring(classPath.length()).trim();
      List<String> args = rest.isEmpty() ? List.of() : Arrays.asList(rest.split(" +"));
      return new CommandLine(manifestMain(classPath), args, classPath);
    }
    List<String> parts = new ArrayList<>(Arrays.asList(trimmed.split(" +")));
    String first = parts.remove(0);
    if (first.endsWith(".jar")) {
      return new CommandLine(manifestMain(first), parts, first);
    }
    return new CommandLine(first, parts, null);
  }

  private static String manifestMain(String jar) {
    Path p = Path.of(jar);
    if (!Files.isRegularFile(p)) {
      return "";
    }
    try (JarFile j = new JarFile(p.toFile())) {
      var m = j.getManifest();
      String main = m == null ? null : m.getMainAttributes().getValue("Main-Class");
      return main == null ? "" : main;
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }
}
