package io.hbtrace.agenttest.junit;

import io.hbtrace.agent.junit.HbtraceExtension;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Two tests run one after the other, the first aborted by an extension registered before hbtrace's,
 * whose beforeEach then never runs (JUnit still calls its afterEach).
 */
@ExtendWith({SkipFirst.SkipA.class, HbtraceExtension.class})
@TestMethodOrder(MethodOrderer.MethodName.class)
class SkipFirst {
  static final class SkipA implements BeforeEachCallback {
    @Override
    public void beforeEach(ExtensionContext context) {
      Assumptions.assumeFalse(context.getRequiredTestMethod().getName().equals("a"));
    }
  }

  private static final Object MONITOR = new Object();
  private static int n;

  @Test
  void a() {
    n++;
  }

  @Test
  void b() {
    synchronized (MONITOR) {
      n++;
    }
  }
}
