/**
 * Happens-before: {@link io.hbtrace.analyzer.hb.SyncClocks}, the vector-clock engine the checks run
 * on, parameterised by an {@link io.hbtrace.analyzer.hb.EdgePolicy} (the observed order or the
 * must-order of predictive checks), and {@link io.hbtrace.analyzer.hb.ReferenceHappensBefore}, the
 * graph-reachability oracle it is tested against.
 */
package io.hbtrace.analyzer.hb;
