package io.hbtrace.analyzer.cli;

import io.hbtrace.traces.TraceException;
import io.hbtrace.traces.TracePacker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code hbtrace pack TRACE FILE}: the small single-file form, for keeping traces in git. */
@Command(
    name = "pack",
    description = "Pack a trace directory into one small file (readable by every command).")
final class PackCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TRACE", description = "A trace directory.")
  Path trace;

  @Parameters(
      index = "1",
      paramLabel = "FILE",
      description = "The packed file to write (must not exist).")
  Path packed;

  @Override
  public Integer call() throws CliException {
    if (Files.exists(packed)) {
      throw new CliException(ExitCodes.USAGE, packed + " already exists");
    }
    try {
      TracePacker.pack(trace, packed);
      spec.commandLine()
          .getOut()
          .printf("packed %s into %s (%,d bytes)%n", trace, packed, Files.size(packed));
      return ExitCodes.OK;
    } catch (TraceException e) {
      throw new CliException(ExitCodes.TRACE, e.getMessage(), e);
    } catch (IOException e) {
      throw CliException.cannotWrite(packed, e);
    }
  }
}
