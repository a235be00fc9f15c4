/**
 * The {@code hbtrace} command line: one picocli command class per verb, output only through the
 * injected writers, one-line errors with the exit codes of {@link
 * io.hbtrace.analyzer.cli.ExitCodes}.
 */
package io.hbtrace.analyzer.cli;
