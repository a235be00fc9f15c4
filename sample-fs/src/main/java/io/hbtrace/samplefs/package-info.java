/**
 * sample-fs: a Java model of ext4's extending direct-IO write, buffered read, page cache, i_size
 * and orphan list, faithful enough to the kernel's order of operations that the generic/418 race
 * really happens here, with its fixes and seeded orphan-handling mistakes as selectable variants.
 *
 * <p>The packages follow the kernel's layers: {@code block} (the device), {@code journal}
 * (jbd2-lite), {@code inode} (struct inode, the extent map, ext4_map_blocks), {@code pagecache}
 * (struct address_space, struct page, invalidation), {@code read} (filemap_read, readpage, O_DIRECT
 * reads), {@code write} (buffered writes, writeback, fsync, truncate, fallocate), {@code dio} (the
 * iomap direct-IO engine and ext4's DIO write path), {@code orphan}, {@code variant}, {@code fs}
 * (the superblock, the VFS entry points, crash and recovery), {@code fault}, {@code workload} and
 * {@code cli}.
 *
 * <p>This module contains no tracing code and knows nothing of the tracer: every moment of {@code
 * docs/ext4-race.md} §8 is a small method or a field an agent can hook (see {@code HOOKPOINTS.md}).
 */
package io.hbtrace.samplefs;
