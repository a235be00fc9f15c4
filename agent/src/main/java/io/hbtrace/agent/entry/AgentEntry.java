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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

  /** Option {@code key}'s value in {@code args}, read leniently (they may be bad); or null. */
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

  /** Extracts the nested jars next to each other in a fresh temporary directory. */
  private static ClassLoader coreLoader(Instrumentation inst) throws IOException {
    Path dir = Files.createTempDirectory("hbtrace-agent-");
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
