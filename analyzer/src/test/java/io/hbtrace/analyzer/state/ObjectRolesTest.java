package io.hbtrace.analyzer.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.analyzer.TraceBuilder;
import io.hbtrace.traces.event.ObjectFree;
import io.hbtrace.traces.event.ObjectRole;
import org.junit.jupiter.api.Test;

/** Roles live as long as their objects; freeing an object without a record changes nothing. */
class ObjectRolesTest {
  private final TraceBuilder names = new TraceBuilder();
  private final TracedObjects objects = new TracedObjects();
  private final ObjectRoles roles = new ObjectRoles(names, objects);

  private void name(long object, String role, long owner, long detail) {
    roles.onRole(new ObjectRole(0, 1, 0, object, names.string(role), owner, detail));
  }

  @Test
  void aFreedInodeLockIsForgottenWithItsRecord() {
    name(5, ObjectRoles.INODE_LOCK, 12, 0);
    name(6, ObjectRoles.PAGE_LOCK, 12, 3);
    assertThat(roles.inodeLock(12)).isEqualTo(5);
    assertThat(roles.holderMatters(5)).isTrue();

    roles.onFree(new ObjectFree(1, 1, 0, 99)); // never named: nothing to drop
    assertThat(roles.inodeLock(12)).isEqualTo(5);
    assertThat(objects.size()).isEqualTo(2);

    roles.onFree(new ObjectFree(2, 1, 0, 5));
    assertThat(roles.inodeLock(12)).isZero();
    assertThat(roles.role(5)).isNull();
    assertThat(roles.describe(6)).isEqualTo("page lock of inode 12 page 3");
    assertThat(objects.size()).isEqualTo(1);
  }

  @Test
  void aNewInodeLockOfTheSameInodeSurvivesTheOldOnesFree() {
    name(5, ObjectRoles.INODE_LOCK, 12, 0);
    name(7, ObjectRoles.INODE_LOCK, 12, 0); // the inode came back with a new lock object
    roles.onFree(new ObjectFree(3, 1, 0, 5));
    assertThat(roles.inodeLock(12)).isEqualTo(7);
  }
}
