/**
 * Findings, their deduplication, and the writers that render them (text with interleaving tables,
 * JSON, SARIF), and the export of a whole trace for a timeline viewer (Perfetto), separate from the
 * commands that use them.
 */
package io.hbtrace.analyzer.report;
