/**
 * The analyzer: {@link io.hbtrace.analyzer.Analysis} streams a trace's events through the
 * happens-before engine ({@code hb}), the shared domain state ({@code state}) and the checks
 * ({@code check}); {@code report} renders findings and {@code cli} is the {@code hbtrace} command.
 */
package io.hbtrace.analyzer;
