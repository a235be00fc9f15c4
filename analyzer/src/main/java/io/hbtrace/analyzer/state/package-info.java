/**
 * What the checks share, updated before they see each event: the two happens-before relations
 * ({@link io.hbtrace.analyzer.state.Clocks}), lock holdings, object roles, the domain per inode
 * (writes with their completion work, cache fills, pages) and the durable journal-lite view. Roles,
 * both relations' lock and channel clocks and lock holdings live in one record per object ({@link
 * io.hbtrace.analyzer.state.TracedObject}), found once per event.
 */
package io.hbtrace.analyzer.state;
