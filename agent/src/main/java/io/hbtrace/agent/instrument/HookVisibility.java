package io.hbtrace.agent.instrument;

import io.hbtrace.agent.bridge.Hooks;
import io.hbtrace.agent.record.Problems;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Whether the classes of a class loader can call the hooks. Instrumented code calls the bridge's
 * classes, which the agent puts on the boot class path; a loader that does not delegate their
 * package there (an OSGi-style loader that delegates only {@code java.*}) would make such a class
 * fail with {@code NoClassDefFoundError}, so its classes are left as they are, and that is said
 * once per loader. Asked once per loader, by loading the bridge's class through it.
 */
final class HookVisibility {
  private final Map<ClassLoader, Boolean> answers =
      Collections.synchronizedMap(new WeakHashMap<>());
  private final Problems problems;

  HookVisibility(Problems problems) {
    this.problems = problems;
  }

  /** Whether {@code loader} (defining {@code className}) resolves the bridge to the agent's. */
  boolean sees(ClassLoader loader, String className) {
    if (loader == null) {
      return true;
    }
    Boolean known = answers.get(loader);
    if (known != null) {
      return known;
    }
    boolean sees;
    try {
      sees = Class.forName(Hooks.class.getName(), false, loader) == Hooks.class;
    } catch (Throwable t) { // ClassNotFoundException, or whatever the loader throws
      sees = false;
    }
    answers.put(loader, sees);
    if (!sees) {
      problems.warn(
          "classes of "
              + loader
              + " are left unrecorded (first "
              + className
              + "): that class loader does not find the agent's hooks ("
              + Hooks.class.getPackageName()
              + " on the boot class path)");
    }
    return sees;
  }
}
