/**
 * Buffered writes ({@code ext4_buffered_write_iter} with delayed allocation), writeback ({@code
 * ext4_writepages} in data=ordered mode: blocks allocated, data written, then i_disksize raised and
 * committed), fsync, truncate ({@code ext4_setattr}, {@code ext4_truncate}) and fallocate ({@code
 * ext4_fallocate} mode 0).
 */
package io.hbtrace.samplefs.write;
