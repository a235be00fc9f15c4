package io.hbtrace.agent.entry;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.jar.JarFile;

/**
 * The agent's entry point ({@code Premain-Class} and {@code Agent-Class}). Thin on purpose: it puts
 * the bridge jar (the hook facades, {@code Hooks} and the classes beside it) on the bootstrap class
 * path, loads the core (Byte Buddy, the trace writer, the recorder, all relocated) in a class
 * loader of its own whose parent is the platform loader, so that nothing of the application's (its
 * Byte Buddy, Chronicle, jnr, JNA) mixes with the agent's, and calls the core once. Nothing escapes
 * from here: an exception leaving {@code premain} would kill the JVM.
 */
public final class AgentEntry {
  private static final String CORE_CLASS = "io.hbtrace.agent.core.AgentCore";
  private static final String BRIDGE_INSTALLER = "io.hbtrace.agent.core.BridgeInstaller";
  private static final int EXIT_FAILED = 78;

  /** The nested jars' directory: {@code hbtrace-agent-PID-RANDOM} in the temporary directory. */
  private static final String TEMP_PREFIX = "hbtrace-agent-";

  /** How old a dead JVM's directory must be before another start removes it. */
  private static final Duration LEFTOVER_AGE = Duration.ofMinutes(10);

  private AgentEntry() {}

  public static void premain(String args, Instrumentation inst) {
    start(args, inst, false);
  }

  public static void agentmain(String args, Instrumentation inst) {
    start(args, inst, true);
  }

  /** {@code java -jar hbtrace-agent.jar}: says what this jar is. */
  public static void main(String[] args) {
    System.out.println(
        "hbtrace-agent: a Java agent; use -javaagent:hbtrace-agent.jar=out=DIR[,spec=FILE]"
            + " (see agent/README.md)");
  }

  private static void start(String args, Instrumentation inst, boolean dynamic) {
    Thread current = Thread.currentThread();
    ClassLoader saved = current.getContextClassLoader();
    int status;
    try {
      ClassLoader core = coreLoader(inst);
      // Java 25 runs agentmain with no context loader, and the writer's initialisation needs one.
      current.setContextClassLoader(core);
      Class<?> c = Class.forName(CORE_CLASS, true, core);
      Method m = c.getMethod("start", String.class, Instrumentation.class, boolean.class);
      status = (Integer) m.invoke(null, args, inst, dynamic);
    } catch (Throwable t) {
      boolean stop = "true".equals(option(args, "failOnError"));
      String line =
          "hbtrace-agent: cannot start: "
              + t
              + (stop ? "; stopping (failOnError=true)" : "; the program runs unrecorded");
      if (!reported(option(args, "startResult"), "cannot start: " + t)) {
        System.err.println(line);
      }
      status = stop ? EXIT_FAILED : 1;
    } finally {
      current.setContextClassLoader(saved);
    }
    if (status == EXIT_FAILED) {
      System.exit(EXIT_FAILED);
    }
  }

  /**
   * Option {@code key}'s value in {@code args}, read leniently (they may be bad); or null. The
   * core's {@code AgentOptions.requested} does the same; this class cannot link the core.
   */
  private static String option(String args, String key) {
    if (args == null) {
      return null;
    }
    for (String item : args.split(",")) {
      String it = item.trim();
      if (it.startsWith(key + "=")) {
        return it.substring(key.length() + 1);
      }
    }
    return null;
  }

  /**
   * Writes the core's start failure to the {@code startResult} file, as the core would have had it
   * loaded; false if there is no such file or it cannot be written.
   */
  private static boolean reported(String file, String message) {
    if (file == null) {
      return false;
    }
    Properties p = new Properties();
    p.setProperty("status", "refused");
    p.setProperty("message", message);
    try (Writer w = Files.newBufferedWriter(Path.of(file), StandardCharsets.UTF_8)) {
      p.store(w, "hbtrace-agent start");
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * Removes the nested jars' directories that JVMs killed before their exit hooks ran left in
   * {@code tmp} (7 MB each): those of processes no longer alive, at least {@code minAge} old
   * (another container's JVM sharing the directory is not seen alive here, and keeps its own a
   * while). Best effort: what cannot be removed stays.
   */
  static void sweepLeftovers(Path tmp, Duration minAge) {
    Instant now = Instant.now();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp, TEMP_PREFIX + "*")) {
      for (Path d : dirs) {
        long pid = ownerPid(d.getFileName().toString());
        // an older agent's directory names no process: only a day-old one is surely dead
        Instant before = now.minus(pid < 0 ? Duration.ofDays(1) : minAge);
        if (!alive(pid) && Files.getLastModifiedTime(d).toInstant().isBefore(before)) {
          remove(d);
        }
      }
    } catch (IOException | RuntimeException e) {
      // leftovers stay; they harm nothing but disk space
    }
  }

  private static void remove(Path dir) {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path f : files) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(dir);
    } catch (IOException | RuntimeException e) {
      // another's, or in use: it stays
    }
  }

  /** The pid in directory name {@code name} (it follows the prefix), or -1 if it names none. */
  private static long ownerPid(String name) {
    String rest = name.substring(TEMP_PREFIX.length());
    int dash = rest.indexOf('-');
    try {
      return dash > 0 ? Long.parseLong(rest.substring(0, dash)) : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static boolean alive(long pid) {
    return pid >= 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  /** Extracts the nested jars next to each other in a fresh temporary directory. */
  private static ClassLoader coreLoader(Instrumentation inst) throws IOException {
    Path dir = Files.createTempDirectory(TEMP_PREFIX + ProcessHandle.current().pid() + "-");
    sweepLeftovers(dir.getParent(), LEFTOVER_AGE);
    dir.toFile().deleteOnExit();
    Path bridge = extract("hbtrace/bridge.jar", dir);
    Path core = extract("hbtrace/core.jar", dir);
    ClassLoader loader =
        new URLClassLoader(
            "hbtrace-agent",
            new URL[] {core.toUri().toURL()},
            ClassLoader.getPlatformClassLoader());
    if (!bridgeLoaded() && !defineBridge(loader, inst, bridge)) {
      inst.appendToBootstrapClassLoaderSearch(new JarFile(bridge.toFile()));
    }
    return loader;
  }

  /** Defines the bridge in the boot loader through the core (see BridgeInstaller). */
  private static boolean defineBridge(ClassLoader core, Instrumentation inst, Path bridge) {
    try {
      Class<?> c = Class.forName(BRIDGE_INSTALLER, true, core);
      Method m = c.getMethod("defineInBootLoader", Instrumentation.class, Path.class);
      return (Boolean) m.invoke(null, inst, bridge);
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return false;
    }
  }

  private static boolean bridgeLoaded() {
    try {
      Class.forName("io.hbtrace.agent.bridge.Hooks", false, null);
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  private static Path extract(String entry, Path dir) throws IOException {
    Path target = dir.resolve(entry.substring(entry.lastIndexOf('/') + 1));
    try (InputStream in = AgentEntry.class.getClassLoader().getResourceAsStream(entry)) {
      if (in == null) {
        throw new IOException(
            "the agent jar has no " + entry + " (not built by the agent module?)");
      }
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
    File f = target.toFile();
    f.deleteOnExit();
    return target;
  }
}
