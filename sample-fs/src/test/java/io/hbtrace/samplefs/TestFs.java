package io.hbtrace.samplefs;

import io.hbtrace.samplefs.fs.FileSystem;
import io.hbtrace.samplefs.fs.FsConfig;
import io.hbtrace.samplefs.variant.VariantRegistry;
import java.util.Arrays;

/** Helpers for tests: small file systems and filled buffers. */
public final class TestFs {
  private TestFs() {}

  /** A fresh file system of the named variant with 1 KiB blocks, RAM-disk device. */
  public static FileSystem mount(String variant) {
    return FileSystem.mkfsAndMount(FsConfig.of(VariantRegistry.byName(variant), 1024));
  }

  public static FileSystem mount(FsConfig config) {
    return FileSystem.mkfsAndMount(config);
  }

  public static byte[] filled(int len, int value) {
    byte[] b = new byte[len];
    Arrays.fill(b, (byte) value);
    return b;
  }
}
