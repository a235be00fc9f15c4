package io.hbtrace.agent.junit;

import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Records each test into its own trace when the hbtrace agent is attached to the test JVM (e.g.
 * through Surefire's {@code argLine}); does nothing otherwise. Use
 * {@code @ExtendWith(HbtraceExtension.class)} or JUnit's extension auto-detection. The traces go to
 * {@code OUT.tests/CLASS#METHOD/} beside the agent's {@code out=OUT}; what runs before the first
 * test stays in {@code OUT}.
 *
 * <p>Per-test traces need the tests run one at a time: the agent records a whole JVM, and a test's
 * events cannot be told from another's that runs at the same time. When a test starts while another
 * runs (JUnit's parallel execution), the extension says so once on stderr and records the rest of
 * the run into one trace, {@code OUT.tests/parallel-tests/}.
 *
 * <p>It reaches the agent through {@code io.hbtrace.agent.bridge.TraceControl} on the bootstrap
 * class path, by name: this class links nothing of the agent, and the agent jar carries no JUnit.
 */
public final class HbtraceExtension implements BeforeEachCallback, AfterEachCallback {
  private static final Method BEGIN = find();

  /** Tests between their beforeEach and afterEach. */
  private static final AtomicInteger RUNNING = new AtomicInteger();

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(HbtraceExtension.class);

  /** In a test's store: its beforeEach counted it in {@link #RUNNING}. */
  private static final String COUNTED = "counted";

  /** Set when two tests overlapped: from then on everything goes to one trace. */
  private static final AtomicBoolean PARALLEL = new AtomicBoolean();

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
    context.getStore(NAMESPACE).put(COUNTED, Boolean.TRUE);
    String name =
        context.getRequiredTestClass().getName() + "#" + context.getRequiredTestMethod().getName();
    // deciding and switching together: a test that found itself alone has its trace begun before
    // the next one can decide it is not, and switch to the shared trace
    synchronized (RUNNING) {
      boolean alone = RUNNING.getAndIncrement() == 0;
      if (alone && !PARALLEL.get()) {
        begin(name);
      } else if (PARALLEL.compareAndSet(false, true)) {
        System.err.println(
            "hbtrace: tests run in parallel, so their events cannot be told apart: the rest of"
                + " the run is recorded into one trace, parallel-tests");
        begin("parallel-tests");
      }
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    // JUnit calls afterEach even when an earlier extension's beforeEach failed and ours never ran
    if (context.getStore(NAMESPACE).remove(COUNTED) != null) {
      RUNNING.decrementAndGet();
    }
  }

  private static void begin(String name) {
    try {
      BEGIN.invoke(null, name);
    } catch (ReflectiveOperationException | RuntimeException e) {
      // the test runs on unrecorded
    }
  }
}
