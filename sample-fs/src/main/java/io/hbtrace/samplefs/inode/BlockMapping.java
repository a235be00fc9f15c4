package io.hbtrace.samplefs.inode;

/**
 * A run of {@code length} logical blocks from {@code lblk} of one {@link MappingType}; for mapped
 * runs the physical blocks are contiguous from {@code pblk} (0 for a hole).
 */
public record BlockMapping(long lblk, long pblk, int length, MappingType type) {
  public boolean mapped() {
    return type != MappingType.HOLE;
  }
}
