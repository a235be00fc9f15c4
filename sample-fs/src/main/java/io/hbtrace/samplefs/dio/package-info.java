/**
 * The direct-IO write path: ext4's {@code ext4_dio_write_iter} (locking, checks, orphan add, the
 * variant's extension handling, buffered fallback), ext4's iomap operations (block mapping and
 * allocation), and the iomap direct-IO engine ({@code iomap_dio_rw}: pre-IO writeback and
 * invalidation, bio submission with sub-block zeroing, completion in the submitter or on the {@code
 * dio-wq} workqueue, {@code iomap_dio_complete}: end_io, post-IO invalidation, {@code
 * inode_dio_end}).
 */
package io.hbtrace.samplefs.dio;
