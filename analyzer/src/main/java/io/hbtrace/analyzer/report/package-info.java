/**
 * Findings, their deduplication, and the writers that render them (text with interleaving tables,
 * JSON, SARIF), separate from the commands that use them.
 */
package io.hbtrace.analyzer.report;
