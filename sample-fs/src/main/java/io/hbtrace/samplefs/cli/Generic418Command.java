package io.hbtrace.samplefs.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder, replaced below. */
@Command(name = "generic-418")
final class Generic418Command implements Callable<Integer> {
  @Override
  public Integer call() {
    return 0;
  }
}
