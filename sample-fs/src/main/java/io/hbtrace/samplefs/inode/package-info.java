/**
 * {@code struct inode} with ext4's additions ({@code struct ext4_inode_info}): the lockless {@code
 * i_size}, {@code i_disksize}, {@code i_rwsem}, {@code i_data_sem}, the extent map, the DIO
 * counter, and the block allocator and {@code ext4_map_blocks} that change the map.
 */
package io.hbtrace.samplefs.inode;
