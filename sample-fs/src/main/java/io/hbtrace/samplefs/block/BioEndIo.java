package io.hbtrace.samplefs.block;

/** {@code bio->bi_end_io}: called once when the device has finished a bio. */
@FunctionalInterface
public interface BioEndIo {
  void endIo(Bio bio);
}
