package io.hbtrace.samplefs.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder, replaced below. */
@Command(name = "crash-consistency")
final class CrashConsistencyCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    return 0;
  }
}
