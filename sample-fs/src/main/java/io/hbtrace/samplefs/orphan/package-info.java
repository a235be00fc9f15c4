/**
 * The orphan list ({@code fs/ext4/orphan.c}): the in-memory list under the superblock's orphan
 * mutex and the on-disk chain journaled through handles, with ext4's rules — idempotent add and
 * delete, removal without a handle touching memory only, and the inode-lock check.
 */
package io.hbtrace.samplefs.orphan;
