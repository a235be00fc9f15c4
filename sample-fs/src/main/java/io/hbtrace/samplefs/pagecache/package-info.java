/**
 * The page cache of one file: {@code struct address_space} with its page tree, {@code struct page}
 * with its lock and flags, and invalidation ({@code invalidate_inode_pages2_range}, {@code
 * truncate_inode_pages_range}, {@code invalidate_mapping_pages}), each walked page index by page
 * index so every index an invalidation passes is a call of {@link
 * io.hbtrace.samplefs.pagecache.AddressSpace#invalidateFolio}.
 */
package io.hbtrace.samplefs.pagecache;
