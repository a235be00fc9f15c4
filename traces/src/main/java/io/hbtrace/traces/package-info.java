/**
 * The hbtrace trace: {@link io.hbtrace.traces.TraceWriter} records events into a trace directory (a
 * Chronicle queue) through per-thread batches; {@link io.hbtrace.traces.TraceReader} streams them
 * back in an order consistent with happens-before; {@link io.hbtrace.traces.TracePacker} makes the
 * small single-file form. The bytes are specified in {@code traces/FORMAT.md}; the event schema is
 * {@link io.hbtrace.traces.event}.
 *
 * <p>Only the public types here are API; everything package-private (buffers, flusher, decoders,
 * Chronicle access) may change between versions. No other module sees a Chronicle type.
 */
package io.hbtrace.traces;
