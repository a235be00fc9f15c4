/**
 * The read side: buffered reads through the page cache ({@code filemap_read}), ext4's readpage with
 * its single i_size sample and zero-fill past EOF, and O_DIRECT reads ({@code ext4_dio_read_iter}).
 *
 * <p>Buffered reads take no i_rwsem: {@code ext4_file_read_iter} hands them straight to {@code
 * generic_file_read_iter} (fs/ext4/file.c, v5.12); only O_DIRECT reads take it shared.
 */
package io.hbtrace.samplefs.read;
