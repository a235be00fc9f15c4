package io.hbtrace.agent.record;

import io.hbtrace.traces.event.LockMode;
import java.lang.reflect.Field;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;

/**
 * Gives the JDK's locks one identity per lock: a {@link ReentrantReadWriteLock} and its read and
 * write views all share the private {@code sync} object they hold (so their ids agree), a {@link
 * ReentrantLock} is its {@code sync}, and an AQS {@code ConditionObject} belongs to the
 * synchronizer that created it; a {@code StampedLock}'s read and write views are the lock (shared
 * and exclusive), and so is its {@code asReadWriteLock()} view. Needs {@code
 * java.util.concurrent.locks} opened to this class's module (the agent does it with {@code
 * Instrumentation.redefineModule}); without it every object is its own identity and read-write
 * views are tied together only at the {@code readLock()} / {@code writeLock()} call sites the agent
 * rewrites.
 */
final class LockIdentity implements IdentityTable.Canonicalizer {
  private final Field rwlSync;
  private final Field readSync;
  private final Field writeSync;
  private final Field lockSync;
  private final Field conditionOwner;
  private final Class<?> stampedRead; // StampedLock's read view, or null

  /**
   * Per class, the field holding the synchronizer its instances share (null: an object is its own
   * identity). One reflective read per canonicalization, so the hook's compiled code stays small.
   */
  private final ClassValue<Field> syncField =
      new ClassValue<>() {
        @Override
        protected Field computeValue(Class<?> type) {
          if (ReentrantReadWriteLock.ReadLock.class.isAssignableFrom(type)) {
            return readSync;
          }
          if (ReentrantReadWriteLock.WriteLock.class.isAssignableFrom(type)) {
            return writeSync;
          }
          if (ReentrantReadWriteLock.class.isAssignableFrom(type)) {
            return rwlSync;
          }
          if (ReentrantLock.class.isAssignableFrom(type)) {
            return lockSync;
          }
          if (type.getEnclosingClass() == StampedLock.class) {
            return OpenFields.find(
                type, "this$0"); // its read, write and read-write views: the lock
          }
          return null;
        }
      };

  LockIdentity() {
    rwlSync = OpenFields.find(ReentrantReadWriteLock.class, "sync");
    readSync = OpenFields.find(ReentrantReadWriteLock.ReadLock.class, "sync");
    writeSync = OpenFields.find(ReentrantReadWriteLock.WriteLock.class, "sync");
    lockSync = OpenFields.find(ReentrantLock.class, "sync");
    Field owner = null;
    for (Field f : AbstractQueuedSynchronizer.ConditionObject.class.getDeclaredFields()) {
      if (f.getType() == AbstractQueuedSynchronizer.class) {
        owner = OpenFields.open(f);
      }
    }
    conditionOwner = owner;
    stampedRead = nested("StampedLock$ReadLockView");
  }

  /** A class of {@code java.util.concurrent.locks} by its simple binary name, or null. */
  private static Class<?> nested(String name) {
    try {
      return Class.forName("java.util.concurrent.locks." + name);
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }

  /** Whether the JDK lock internals could be opened. */
  boolean available() {
    return rwlSync != null && readSync != null && writeSync != null && lockSync != null;
  }

  @Override
  public Object canonical(Object o) {
    Field f = syncField.get(o.getClass());
    Object sync = f == null ? null : OpenFields.read(f, o);
    return sync == null ? o : sync;
  }

  @Override
  public int mode(Object o) {
    return o instanceof ReentrantReadWriteLock.ReadLock
            || (stampedRead != null && o.getClass() == stampedRead)
        ? LockMode.SHARED
        : LockMode.EXCLUSIVE;
  }

  /** The synchronizer a condition belongs to, or null. */
  Object conditionOwner(Object condition) {
    return conditionOwner != null && condition instanceof AbstractQueuedSynchronizer.ConditionObject
        ? OpenFields.read(conditionOwner, condition)
        : null;
  }
}
