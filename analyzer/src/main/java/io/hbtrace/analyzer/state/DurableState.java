package io.hbtrace.analyzer.state;

import io.hbtrace.traces.event.BlockAlloc;
import io.hbtrace.traces.event.BlockFree;
import io.hbtrace.traces.event.Crash;
import io.hbtrace.traces.event.DisksizeUpdate;
import io.hbtrace.traces.event.Event;
import io.hbtrace.traces.event.EventHandler;
import io.hbtrace.traces.event.EventKind;
import io.hbtrace.traces.event.JournalCommit;
import io.hbtrace.traces.event.Mount;
import io.hbtrace.traces.event.OrphanAdd;
import io.hbtrace.traces.event.OrphanDel;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The journal-lite view: metadata changes (block allocation and freeing, on-disk size, orphan
 * chain) wait in their transaction and become durable together when it commits. After each commit
 * the durable state is what a crash at that point would leave, so the crash-consistency invariant
 * can be checked at every point, not only at the end.
 */
public final class DurableState implements EventHandler {
  /** A committed transaction: its commit and the changes it made durable, in order. */
  public record Commit(Occurrence commit, List<Occurrence> changes) {}

  /** The kinds this state follows: it is given no others. */
  public static final Set<EventKind> KINDS =
      Collections.unmodifiableSet(
          EnumSet.of(
              EventKind.MOUNT,
              EventKind.CRASH,
              EventKind.BLOCK_ALLOC,
              EventKind.BLOCK_FREE,
              EventKind.DISKSIZE_UPDATE,
              EventKind.ORPHAN_ADD,
              EventKind.ORPHAN_DEL,
              EventKind.JOURNAL_COMMIT));

  private final Clocks clocks;
  private final Long2ObjectOpenHashMap<DurableInode> inodes = new Long2ObjectOpenHashMap<>();
  private final Long2ObjectOpenHashMap<List<Occurrence>> pending = new Long2ObjectOpenHashMap<>();
  private long fs = Long.MIN_VALUE;
  private Commit lastCommit;

  public DurableState(Clocks clocks) {
    this.clocks = clocks;
  }

  public DurableInode inode(long ino) {
    DurableInode d = inodes.get(ino);
    if (d == null) {
      d = new DurableInode(ino);
      inodes.put(ino, d);
    }
    return d;
  }

  public Iterable<DurableInode> inodes() {
    return inodes.values();
  }

  /** The commit applied by the current JOURNAL_COMMIT event (null before the first). */
  public Commit lastCommit() {
    return lastCommit;
  }

  @Override
  public void onMount(Mount e) {
    if (e.fs() != fs) {
      fs = e.fs();
      inodes.clear();
    }
    pending.clear();
  }

  @Override
  public void onCrash(Crash e) {
    pending.clear();
  }

  @Override
  public void onBlockAlloc(BlockAlloc e) {
    change(e, e.txn());
  }

  @Override
  public void onBlockFree(BlockFree e) {
    change(e, e.txn());
  }

  @Override
  public void onDisksizeUpdate(DisksizeUpdate e) {
    change(e, e.txn());
  }

  @Override
  public void onOrphanAdd(OrphanAdd e) {
    change(e, e.txn());
  }

  @Override
  public void onOrphanDel(OrphanDel e) {
    if (e.txn() != 0) {
      change(e, e.txn());
    }
  }

  @Override
  public void onJournalCommit(JournalCommit e) {
    List<Occurrence> changes = pending.remove(e.txn());
    if (changes == null) {
      changes = List.of();
    }
    for (Occurrence c : changes) {
      apply(c.event());
    }
    lastCommit = new Commit(Occurrence.of(e, clocks), changes);
  }

  /** Number of durable inodes and pending changes (for memory tests). */
  public int size() {
    int n = inodes.size();
    for (List<Occurrence> l : pending.values()) {
      n += l.size();
    }
    return n;
  }

  private void change(Event e, long txn) {
    if (txn == 0) {
      // outside any handle: durable at once, the conservative reading
      apply(e);
      return;
    }
    List<Occurrence> l = pending.get(txn);
    if (l == null) {
      l = new ArrayList<>(4);
      pending.put(txn, l);
    }
    l.add(Occurrence.of(e, clocks));
  }

  private void apply(Event e) {
    if (e instanceof BlockAlloc a) {
      inode(a.ino()).allocate(a.lblk(), a.count());
    } else if (e instanceof BlockFree f) {
      inode(f.ino()).free(f.lblk(), f.count());
    } else if (e instanceof DisksizeUpdate d) {
      inode(d.ino()).diskSize = d.newSize();
    } else if (e instanceof OrphanAdd o) {
      inode(o.ino()).onOrphanChain = true;
    } else if (e instanceof OrphanDel o) {
      inode(o.ino()).onOrphanChain = false;
    }
  }
}
