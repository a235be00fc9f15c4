package io.hbtrace.analyzer.state;

import io.hbtrace.analyzer.Symbols;
import io.hbtrace.traces.event.ObjectFree;
import io.hbtrace.traces.event.ObjectRole;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import java.util.Set;

/**
 * What objects are in the domain, from OBJECT_ROLE events (which the tracepoint spec emits). The
 * checks are defined on roles, never on class names:
 *
 * <ul>
 *   <li>{@value #INODE_LOCK}: the inode lock (i_rwsem) of inode {@code owner};
 *   <li>{@value #PAGE_LOCK}: the lock of page {@code detail} of inode {@code owner};
 *   <li>{@value #MAPPING_LOCK}: the lock of the page-cache tree of inode {@code owner};
 *   <li>{@value #PAGE_WAITQUEUE}: the wait queue lock of page {@code detail} of inode {@code
 *       owner}.
 * </ul>
 */
public final class ObjectRoles {
  public static final String INODE_LOCK = "inode_lock";
  public static final String PAGE_LOCK = "page_lock";
  public static final String MAPPING_LOCK = "mapping_lock";
  public static final String PAGE_WAITQUEUE = "page_waitqueue";
  public static final String DATA_SEM = "i_data_sem";

  /**
   * Roles whose lock order in one run says nothing about the order in another: who takes a page's
   * lock or wait queue, or the page-cache tree lock, first is an accident of timing; so is the
   * order of a readpage's extent lookup (i_data_sem shared, for blocks below the size it sampled)
   * and an extending write's allocation (i_data_sem exclusive, for blocks beyond it): they touch
   * disjoint extents. Dropping these edges only widens what the predictive check considers; a
   * correct ordering (size published before the invalidation, in program order) stays unflagged.
   */
  public static final Set<String> REORDERABLE =
      Set.of(PAGE_LOCK, MAPPING_LOCK, PAGE_WAITQUEUE, DATA_SEM);

  /**
   * A role of one object, whether its lock or hand-off order is an accident of timing, and whether
   * a check asks who holds it (the inode lock, i_data_sem): decided once, when the role is named,
   * not on every lock event.
   */
  public record Role(String name, long owner, long detail, boolean reorderable, boolean held) {}

  private final Symbols symbols;
  private final TracedObjects objects;
  private final Int2ObjectOpenHashMap<String> names = new Int2ObjectOpenHashMap<>();
  private final Long2LongOpenHashMap inodeLocks = new Long2LongOpenHashMap();
  private final Long2LongOpenHashMap dataSems = new Long2LongOpenHashMap();

  /**
   * The held roles by object, beside their records: an object is freed long after its last use, and
   * this small map answers whether it was an inode lock or i_data_sem without reading its record
   * back from memory.
   */
  private final Long2ObjectOpenHashMap<Role> heldRoles = new Long2ObjectOpenHashMap<>();

  /** Roles kept in the records of {@code objects}. */
  public ObjectRoles(Symbols symbols, TracedObjects objects) {
    this.symbols = symbols;
    this.objects = objects;
    inodeLocks.defaultReturnValue(0);
  }

  public void onRole(ObjectRole e) {
    String name = names.get(e.role());
    if (name == null) {
      name = symbols.string(e.role()); // a few names, many objects
      names.put(e.role(), name);
    }
    Long2LongOpenHashMap byOwner = byOwner(name);
    Role r = new Role(name, e.owner(), e.detail(), REORDERABLE.contains(name), byOwner != null);
    TracedObject o = objects.getOrAdd(e.object());
    boolean wasHeld = o.held;
    o.name(r);
    if (byOwner != null) {
      byOwner.put(e.owner(), e.object());
      heldRoles.put(e.object(), r);
    } else if (wasHeld) { // named again, with a role whose holders do not matter
      heldRoles.remove(e.object());
    }
  }

  /** The object is gone: its record goes, with its role, clocks and holders. */
  public void onFree(ObjectFree e) {
    if (!objects.remove(e.object())) {
      return; // most objects freed were never locked, sent through or named: nothing to drop
    }
    Role r = heldRoles.remove(e.object());
    if (r != null) {
      Long2LongOpenHashMap byOwner = byOwner(r.name());
      if (byOwner.get(r.owner()) == e.object()) {
        byOwner.remove(r.owner());
      }
    }
  }

  /** The owner → object map kept for role {@code name} (the held roles), or null. */
  private Long2LongOpenHashMap byOwner(String name) {
    return switch (name) {
      case INODE_LOCK -> inodeLocks;
      case DATA_SEM -> dataSems;
      default -> null;
    };
  }

  /**
   * True if who holds {@code object} matters to a check: the inode lock and i_data_sem (the orphan
   * and disksize rules). Holdings of other locks are not tracked.
   */
  public boolean holderMatters(long object) {
    Role r = role(object);
    return r != null && r.held();
  }

  /** The role of {@code object}, or null. */
  public Role role(long object) {
    TracedObject o = objects.get(object);
    return o == null ? null : o.role;
  }

  /** The object id of inode {@code ino}'s inode lock, or 0 if the trace names none. */
  public long inodeLock(long ino) {
    return inodeLocks.get(ino);
  }

  /** The object id of inode {@code ino}'s i_data_sem, or 0 if the trace names none. */
  public long dataSem(long ino) {
    return dataSems.get(ino);
  }

  /** True if the trace names an inode lock for any inode at all. */
  public boolean anyInodeLock() {
    return !inodeLocks.isEmpty();
  }

  /**
   * A readable name: {@code inode lock of inode 12}, {@code page lock of inode 12 page 3}, or
   * object#id.
   */
  public String describe(long object) {
    Role r = role(object);
    if (r != null) {
      return switch (r.name()) {
        case INODE_LOCK -> "inode lock of inode " + r.owner();
        case PAGE_LOCK -> "page lock of inode " + r.owner() + " page " + r.detail();
        case MAPPING_LOCK -> "page-cache lock of inode " + r.owner();
        default -> r.name() + "(" + r.owner() + (r.detail() != 0 ? "," + r.detail() : "") + ")";
      };
    }
    return "object#" + object;
  }
}
