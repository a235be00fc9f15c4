package io.hbtrace.agent.testing;

import io.hbtrace.agent.bridge.Hooks;
import io.hbtrace.agent.instrument.Instrumenter;
import io.hbtrace.agent.record.FailingSink;
import io.hbtrace.agent.record.Problems;
import io.hbtrace.agent.record.Recorder;
import io.hbtrace.agent.spec.Spec;
import io.hbtrace.agent.spec.SpecParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.instrument.ClassFileTransformer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;

/**
 * Runs test programs transformed by the real instrumentation, in-process: classes under {@code
 * io.hbtrace.agenttest.} are loaded child-first through the agent's class file transformer, with a
 * {@link Recorder} over a {@link MemoryTraceOutput} installed behind {@link Hooks}.
 */
public final class Instrumented implements AutoCloseable {
  private static final String PREFIX = "io.hbtrace.agenttest.";

  public final MemoryTraceOutput out = new MemoryTraceOutput();
  public final Recorder recorder;
  public final Instrumenter instrumenter;
  public final ByteArrayOutputStream problemText = new ByteArrayOutputStream();

  /**
   * Class files ({@code a/b/C.class}) the agent's type pool cannot find, as if missing from the
   * class path; the classes themselves still load.
   */
  public final java.util.Set<String> hiddenClassFiles = new java.util.HashSet<>();

  private final ClassFileTransformer transformer;
  private final Loader loader;

  public Instrumented(String specText) throws Exception {
    this(specText, false);
  }

  /** With {@code failHooks}, every hook throws after recording (as {@code failHooks=true}). */
  public Instrumented(String specText, boolean failHooks) throws Exception {
    this(specText, failHooks, false);
  }

  /**
   * With {@code scheduled}, instrumented as for a replay or an exploration (no scheduler is
   * installed: the hooks that ask for a turn get it at once).
   */
  public Instrumented(String specText, boolean failHooks, boolean scheduled) throws Exception {
    Spec spec = SpecParser.parse("test.spec", specText);
    Problems problems =
        new Problems(true, new PrintStream(problemText, true, StandardCharsets.UTF_8));
    recorder = new Recorder(out, problems);
    instrumenter = new Instrumenter(spec, recorder, problems, scheduled);
    transformer = instrumenter.agentBuilder().makeRaw();
    loader = new Loader(Instrumented.class.getClassLoader());
    if (!Hooks.install(failHooks ? new FailingSink(recorder) : recorder)) {
      throw new IllegalStateException("a sink is installed already");
    }
  }

  /** Default spec: the sync of every test program. */
  public Instrumented() throws Exception {
    this("spec 1\ninclude " + PREFIX + "\n");
  }

  public Class<?> load(Class<?> original) throws ClassNotFoundException {
    return loader.loadClass(original.getName());
  }

  /** Calls the public static no-argument method {@code name} of the transformed {@code type}. */
  public Object call(Class<?> type, String name) throws Throwable {
    Method m = load(type).getMethod(name);
    try {
      return m.invoke(null);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  public String problems() {
    return problemText.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    Hooks.uninstall();
  }

  private final class Loader extends ClassLoader {
    Loader(ClassLoader parent) {
      super("instrumented-test", parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.startsWith(PREFIX)) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        if (c == null) {
          byte[] bytes = bytes(name);
          byte[] t;
          try {
            t = transformer.transform(this, name.replace('.', '/'), null, null, bytes);
          } catch (Exception e) {
            throw new ClassNotFoundException(name, e);
          }
          byte[] b = t == null ? bytes : t;
          c = defineClass(name, b, 0, b.length);
        }
        if (resolve) {
          resolveClass(c);
        }
        return c;
      }
    }

    @Override
    public java.net.URL getResource(String name) {
      return hiddenClassFiles.contains(name) ? null : super.getResource(name);
    }

    private byte[] bytes(String name) throws ClassNotFoundException {
      try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
        if (in == null) {
          throw new ClassNotFoundException(name);
        }
        return in.readAllBytes();
      } catch (IOException e) {
        throw new ClassNotFoundException(name, e);
      }
    }
  }
}
