/**
 * The file system as a whole: the superblock ({@link io.hbtrace.samplefs.fs.FileSystem}: mount,
 * unmount, the inode table), the system-call layer ({@link io.hbtrace.samplefs.fs.Vfs}), and what a
 * crash leaves ({@link io.hbtrace.samplefs.fs.CrashImage}), how mount recovers it ({@link
 * io.hbtrace.samplefs.fs.OrphanCleanup}) and how it is checked ({@link
 * io.hbtrace.samplefs.fs.Fsck}).
 */
package io.hbtrace.samplefs.fs;
