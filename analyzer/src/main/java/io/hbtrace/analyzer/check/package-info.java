/**
 * The checks, one class each, registered by short name in {@link
 * io.hbtrace.analyzer.check.CheckRegistry}; each receives only the event kinds it names.
 */
package io.hbtrace.analyzer.check;
