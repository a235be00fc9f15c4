/**
 * The event schema: one record per event kind under the sealed {@link
 * io.hbtrace.traces.event.Event}, their wire codes in {@link io.hbtrace.traces.event.EventKind},
 * and the small vocabularies their int fields use. The bytes are specified in {@code
 * traces/FORMAT.md}.
 */
package io.hbtrace.traces.event;
