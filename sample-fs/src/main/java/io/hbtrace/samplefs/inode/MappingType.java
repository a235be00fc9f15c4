package io.hbtrace.samplefs.inode;

/** What a logical block maps to (the m_flags of {@code struct ext4_map_blocks}). */
public enum MappingType {
  /** No block (a hole): reads as zeros. */
  HOLE,
  /** A written extent (EXT4_MAP_MAPPED): reads from the device. */
  WRITTEN,
  /** An unwritten (preallocated) extent (EXT4_MAP_UNWRITTEN): reads as zeros. */
  UNWRITTEN
}
