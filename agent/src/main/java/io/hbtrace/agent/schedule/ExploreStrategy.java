package io.hbtrace.agent.schedule;

import java.util.List;

/**
 * Which thread goes next at each decision of an explored run, and which runs to try. A decision
 * offers the threads waiting at an event, in a stable order (by name); {@code holder} is the index
 * among them of the thread that held the turn last, or -1 if it is not among them (it blocked or
 * ended): choosing another thread than an offered holder is a preemption.
 */
interface ExploreStrategy {

  /** A new run starts: the decisions from here on are its own. */
  void runStarted();

  /** The index in {@code offered} of the thread that goes next. */
  int choose(List<String> offered, int holder);

  /** The run ended; false when there is no further run to try. */
  boolean runEnded();

  /**
   * How many runs did not offer, at a decision they were steered through, the thread an earlier run
   * offered there (the program or its timing is not deterministic; the search may miss runs).
   */
  long nondeterministicRuns();

  /** Whether every run within the bound has been tried ({@code false} for random runs). */
  boolean exhausted();

  /** Short description for reports, e.g. {@code all interleavings with at most 2 preemptions}. */
  String describe();
}
