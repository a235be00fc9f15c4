package io.hbtrace.samplefs.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar sample-fs.jar COMMAND …}: the workloads of the model as a plain {@code main}, so
 * an agent can be attached to it.
 */
@Command(
    name = "sample-fs",
    mixinStandardHelpOptions = true,
    version = "sample-fs 0.1.0",
    description = "A Java model of ext4's extending DIO / buffered read race and its fixes.",
    subcommands = {
      DioInvalidateCacheCommand.class,
      Generic418Command.class,
      CrashConsistencyCommand.class
    })
public final class SampleFsMain implements Callable<Integer> {
  /** Exit status: the workload ran clean. */
  public static final int EXIT_OK = 0;

  /** Exit status: the workload found corruption or violations. */
  public static final int EXIT_FAILED = 1;

  /** Exit status: bad arguments. */
  public static final int EXIT_USAGE = 2;

  @Spec CommandSpec spec;

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    int status = run(args, out, err);
    out.flush();
    err.flush();
    System.exit(status);
  }

  /** Runs the command line with the given writers; returns the exit status. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new SampleFsMain());
    cl.setOut(out);
    cl.setErr(err);
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          err.println("sample-fs: " + ex.getMessage() + " (see --help)");
          err.flush();
          return EXIT_USAGE;
        });
    return cl.execute(args);
  }

  @Override
  public Integer call() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
  }
}
