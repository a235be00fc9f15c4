/**
 * The {@code sample-fs} command line (picocli): one class per subcommand, output only through the
 * command's writers, exit codes 0 (clean), 1 (the workload found corruption or violations) and 2
 * (bad arguments, one line on stderr).
 */
package io.hbtrace.samplefs.cli;
