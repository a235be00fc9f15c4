/**
 * JMH benchmarks of the trace recorder and reader; each class's javadoc holds the command that runs
 * it, and {@code traces/README.md} the figures measured.
 */
package io.hbtrace.bench;
