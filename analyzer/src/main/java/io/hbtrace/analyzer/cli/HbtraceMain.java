package io.hbtrace.analyzer.cli;

import java.io.BufferedOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.function.BooleanSupplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code hbtrace} command: checks, summaries, listings and exports of traces, recording and the
 * demo. Exit codes are in {@link ExitCodes}; errors are one line on stderr ({@code --verbose} adds
 * the stack trace).
 */
@Command(
    name = "hbtrace",
    mixinStandardHelpOptions = true,
    scope = CommandLine.ScopeType.INHERIT, // every verb answers --help
    versionProvider = Version.class,
    description = "Finds size-update / cache-invalidation ordering bugs in recorded runs.",
    subcommands = {
      CheckCommand.class,
      SummaryCommand.class,
      PrintCommand.class,
      ExportCommand.class,
      RecordCommand.class,
      AttachCommand.class,
      DemoCommand.class,
      ReplayCommand.class,
      ExploreCommand.class,
      PackCommand.class,
      CommandLine.HelpCommand.class
    })
public final class HbtraceMain implements Runnable {
  /** The message when standard output could not be written. */
  static final String OUTPUT_LOST = "cannot write the output: standard output is closed or full";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--verbose",
      scope = CommandLine.ScopeType.INHERIT,
      description = "Print stack traces of errors.")
  boolean verbose;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "missing command (try 'hbtrace --help')");
  }

  public static void main(String[] args) {
    Stdout stdout = new Stdout();
    PrintWriter out =
        new PrintWriter(
            new OutputStreamWriter(
                new BufferedOutputStream(stdout, 1 << 16), Charset.defaultCharset()),
            true);
    System.exit(run(out, new PrintWriter(System.err, true), stdout::pipeClosed, args));
  }

  /**
   * Runs the CLI with the given writers and returns the exit code (for tests and {@link #main}).
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(out, err, () -> false, args);
  }

  /**
   * The same; {@code pipeClosed} says whether {@code out}'s reader went away (then an output error
   * ends the command without a message).
   */
  static int run(PrintWriter out, PrintWriter err, BooleanSupplier pipeClosed, String... args) {
    CommandLine cli = new CommandLine(new HbtraceMain());
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler(
        (ex, a) -> {
          String hint =
              ex instanceof CommandLine.UnmatchedArgumentException
                      && !java.util.Arrays.asList(a).contains("--")
                      && a.length > 0
                      && a[0].equals("record")
                  ? " (the java command goes after --: hbtrace record --out DIR -- java ...)"
                  : "";
          err.println("hbtrace: " + ex.getMessage() + hint);
          err.flush();
          return ExitCodes.USAGE;
        });
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          boolean verbose = java.util.Arrays.asList(args).contains("--verbose");
          int code = ex instanceof CliException c ? c.exitCode() : ExitCodes.INTERNAL;
          if (code == ExitCodes.OUTPUT && pipeClosed.getAsBoolean()) {
            return code; // the reader went away (print | head): nothing worth saying
          }
          String message = ex.getMessage() == null ? ex.toString() : ex.getMessage();
          err.println(
              "hbtrace: " + (code == ExitCodes.INTERNAL ? "internal error: " + ex : message));
          if (verbose) {
            ex.printStackTrace(err);
          }
          err.flush();
          return code;
        });
    int code;
    try {
      code = cli.execute(args);
    } catch (OutOfMemoryError e) {
      // what the command held is unreachable now: there is room to say so
      err.println(
          "hbtrace: out of memory: this needs more than the "
              + Runtime.getRuntime().maxMemory() / (1024 * 1024)
              + " MiB of heap the JVM may use (many threads alive at once cost the most); give it"
              + " more with HBTRACE_JAVA_OPTS=-Xmx<size>");
      err.flush();
      return ExitCodes.MEMORY;
    }
    if (out.checkError() && code != ExitCodes.OUTPUT) { // flushes; it keeps write errors to itself
      if (!pipeClosed.getAsBoolean()) {
        err.println("hbtrace: " + OUTPUT_LOST);
      }
      code = ExitCodes.OUTPUT;
    }
    err.flush();
    return code;
  }
}
