package io.hbtrace.agent.junit;

import java.lang.reflect.Method;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Records each test into its own trace when the hbtrace agent is attached to the test JVM (e.g.
 * through Surefire's {@code argLine}); does nothing otherwise. Use
 * {@code @ExtendWith(HbtraceExtension.class)} or JUnit's extension auto-detection. The traces go to
 * {@code OUT.tests/CLASS#METHOD/} beside the agent's {@code out=OUT}; what runs before the first
 * test stays in {@code OUT}.
 *
 * <p>It reaches the agent through {@code io.hbtrace.agent.bridge.TraceControl} on the bootstrap
 * class path, by name: this class links nothing of the agent, and the agent jar carries no JUnit.
 */
public final class HbtraceExtension implements BeforeEachCallback {
  private static final Method BEGIN = find();

  private static Method find() {
    try {
      return Class.forName("io.hbtrace.agent.bridge.TraceControl", true, null)
          .getMethod("begin", String.class);
    } catch (ReflectiveOperationException | LinkageError e) {
      return null;
    }
  }

  /** Whether an agent is there to talk to. */
  public static boolean agentPresent() {
    return BEGIN != null;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (BEGIN == null) {
      return;
    }
    String name =
        context.getRequiredTestClass().getName() + "#" + context.getRequiredTestMethod().getName();
    try {
      BEGIN.invoke(null, name);
    } catch (ReflectiveOperationException | RuntimeException e) {
      // the test runs on unrecorded
    }
  }
}
