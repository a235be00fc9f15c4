package io.hbtrace.agent.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a hook's recording throws stays in the hook, except a {@code ThreadDeath} ({@code
 * Thread.stop}), which is the program's and goes on to it.
 */
class ThreadDeathTest {
  @AfterEach
  void uninstall() {
    Hooks.uninstall();
  }

  /** A sink whose lock acquire throws {@code thrown}; every other call does nothing. */
  private static HookSink throwingOnAcquire(Throwable thrown) {
    return (HookSink)
        Proxy.newProxyInstance(
            HookSink.class.getClassLoader(),
            new Class<?>[] {HookSink.class},
            (proxy, method, args) -> {
              if (method.getName().equals("lockAcquire")) {
                throw thrown;
              }
              Class<?> r = method.getReturnType();
              return r == boolean.class ? true : r == long.class ? 0L : null;
            });
  }

  @Test
  @SuppressWarnings({"deprecation", "removal"})
  void aThreadDeathInAHookGoesOnToTheProgram() {
    ThreadDeath stop = new ThreadDeath();
    assertThat(Hooks.install(throwingOnAcquire(stop))).isTrue();
    ReentrantLock lock = new ReentrantLock();
    assertThatThrownBy(() -> LockHooks.lock(lock, 1)).isSameAs(stop);
    assertThat(lock.isHeldByCurrentThread()).as("as if stopped just after lock()").isTrue();
  }

  @Test
  void anyOtherFailureStaysInTheHook() {
    assertThat(Hooks.install(throwingOnAcquire(new IllegalStateException("broken sink")))).isTrue();
    ReentrantLock lock = new ReentrantLock();
    LockHooks.lock(lock, 1);
    assertThat(lock.isHeldByCurrentThread()).isTrue();
  }
}
