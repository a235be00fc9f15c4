package io.hbtrace.samplefs.read;

/** Where readpage took a block of a page from. Order is part of the hook contract. */
public enum FillSource {
  /** Read from the device. */
  DISK,
  /** Zero-filled: the block lies at or after the i_size readpage sampled. */
  ZERO_PAST_EOF,
  /** Zero-filled: no block is mapped there. */
  HOLE,
  /** Zero-filled: the block is an unwritten extent. */
  UNWRITTEN
}
