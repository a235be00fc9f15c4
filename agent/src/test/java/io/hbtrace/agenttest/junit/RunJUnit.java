package io.hbtrace.agenttest.junit;

import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * Runs {@link TwoCases} (or, given "parallel", {@link ParallelCases} in JUnit's parallel mode) with
 * the JUnit Platform launcher and prints the counts.
 */
public final class RunJUnit {
  private RunJUnit() {}

  public static void main(String[] args) throws ClassNotFoundException {
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    Class<?> tests =
        Class.forName(
            RunJUnit.class.getPackageName() + "." + (args.length > 0 ? args[0] : "TwoCases"));
    boolean parallel = args.length > 1 && args[1].equals("parallel");
    launcher.execute(
        LauncherDiscoveryRequestBuilder.request()
            .selectors(DiscoverySelectors.selectClass(tests))
            .configurationParameter(
                "junit.jupiter.execution.parallel.enabled", Boolean.toString(parallel))
            .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
            .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
            .configurationParameter(
                "junit.jupiter.execution.parallel.config.fixed.parallelism", "2")
            .build(),
        listener);
    var s = listener.getSummary();
    System.out.println(
        "tests "
            + s.getTestsSucceededCount()
            + " failed "
            + s.getTestsFailedCount()
            + (s.getTestsAbortedCount() > 0 ? " aborted " + s.getTestsAbortedCount() : ""));
  }
}
