package io.hbtrace.samplefs.inode;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * {@code ext4_do_update_inode}: the in-memory inode copied into the 256-byte on-disk layout, with
 * the crc32c checksum ext4 keeps in {@code i_checksum_lo/hi} (metadata_csum).
 */
final class RawInode {
  static final int SIZE = 256;

  private RawInode() {}

  static byte[] encode(Inode inode) {
    ByteBuffer raw = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
    raw.putShort(0, (short) 0x81a4); // i_mode: regular file, 0644
    raw.putInt(4, (int) inode.iDisksize); // i_size_lo
    raw.putShort(26, (short) inode.nlink); // i_links_count
    raw.putInt(32, 0x80000); // i_flags: EXT4_EXTENTS_FL
    raw.putInt(108, (int) (inode.iDisksize >>> 32)); // i_size_high
    long last = inode.extents.lastMapped();
    raw.putInt(28, (int) ((last + 1) * (inode.blockSize / 512))); // i_blocks_lo (approx.)
    raw.putShort(40, (short) 0xF30A); // extent header magic in i_block
    CRC32C crc = new CRC32C();
    crc.update(ByteBuffer.allocate(8).putLong(inode.ino).array());
    crc.update(raw.array(), 0, SIZE);
    raw.putShort(124, (short) crc.getValue()); // i_checksum_lo
    raw.putShort(130, (short) (crc.getValue() >>> 16)); // i_checksum_hi
    return raw.array();
  }
}
