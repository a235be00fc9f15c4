/**
 * The block device: data held in memory, a configurable block size, and an optional latency profile
 * so that IO takes realistic time and completes on an interrupt-like thread.
 *
 * <p>A {@link io.hbtrace.samplefs.block.Bio} stands for {@code struct bio}: the device transfers
 * its data when it is submitted and calls its end_io when it completes, inline for the zero-latency
 * profile (as the brd RAM disk does) and on the device's completion thread otherwise.
 */
package io.hbtrace.samplefs.block;
