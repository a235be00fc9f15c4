package io.hbtrace.agenttest.junit;

import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/** Runs {@link TwoCases} with the JUnit Platform launcher and prints the counts. */
public final class RunJUnit {
  private RunJUnit() {}

  public static void main(String[] args) {
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    launcher.execute(
        LauncherDiscoveryRequestBuilder.request()
            .selectors(DiscoverySelectors.selectClass(TwoCases.class))
            .build(),
        listener);
    var s = listener.getSummary();
    System.out.println(
        "tests " + s.getTestsSucceededCount() + " failed " + s.getTestsFailedCount());
  }
}
