/**
 * jbd2-lite: journal handles and the durable metadata they commit.
 *
 * <p>The conservative model: every handle is its own transaction, committed (made durable,
 * atomically) when the handle stops. Real jbd2 batches many handles into one running transaction
 * that commits later, so any two changes made in one handle are also durable together in the
 * kernel, while two handles may or may not share a transaction. Treating each handle as its own
 * transaction therefore exposes every crash window the kernel can have and invents none that a
 * single handle closes.
 *
 * <p>A handle carries {@link io.hbtrace.samplefs.journal.MetadataRecord}s (the journaled images of
 * the inode, the extent tree, the block bitmap and the orphan chain); {@link
 * io.hbtrace.samplefs.journal.DurableMetadata} is what a crash keeps of them.
 */
package io.hbtrace.samplefs.journal;
