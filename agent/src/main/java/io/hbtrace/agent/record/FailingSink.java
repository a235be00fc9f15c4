package io.hbtrace.agent.record;

import io.hbtrace.agent.bridge.HookSink;

/**
 * A sink that records through its delegate and then throws from every hook ({@code
 * failHooks=true}): it proves that a failure inside a hook never reaches the program.
 */
public final class FailingSink implements HookSink {
  private final HookSink delegate;

  public FailingSink(HookSink delegate) {
    this.delegate = delegate;
  }

  @Override
  public void monitorEnter(Object monitor, int site) {
    delegate.monitorEnter(monitor, site);
    throw new IllegalStateException("failHooks: monitorEnter");
  }

  @Override
  public void monitorExit(Object monitor, int site) {
    delegate.monitorExit(monitor, site);
    throw new IllegalStateException("failHooks: monitorExit");
  }

  @Override
  public void lockAcquire(Object lock, int site) {
    delegate.lockAcquire(lock, site);
    throw new IllegalStateException("failHooks: lockAcquire");
  }

  @Override
  public void lockRelease(Object lock, int site) {
    delegate.lockRelease(lock, site);
    throw new IllegalStateException("failHooks: lockRelease");
  }

  @Override
  public void waitRelease(Object lock, boolean monitor, int site) {
    delegate.waitRelease(lock, monitor, site);
    throw new IllegalStateException("failHooks: waitRelease");
  }

  @Override
  public void waitReacquire(Object lock, boolean monitor, int site) {
    delegate.waitReacquire(lock, monitor, site);
    throw new IllegalStateException("failHooks: waitReacquire");
  }

  @Override
  public void lockView(Object view, Object rwl, boolean shared) {
    delegate.lockView(view, rwl, shared);
    throw new IllegalStateException("failHooks: lockView");
  }

  @Override
  public Object conditionOwner(Object condition) {
    delegate.conditionOwner(condition);
    throw new IllegalStateException("failHooks: conditionOwner");
  }

  @Override
  public void threadStart(Thread child, int site) {
    delegate.threadStart(child, site);
    throw new IllegalStateException("failHooks: threadStart");
  }

  @Override
  public void threadJoin(Thread child, int site) {
    delegate.threadJoin(child, site);
    throw new IllegalStateException("failHooks: threadJoin");
  }

  @Override
  public void handoffSend(Object channel, int how, int site) {
    delegate.handoffSend(channel, how, site);
    throw new IllegalStateException("failHooks: handoffSend");
  }

  @Override
  public void handoffReceive(Object channel, int how, int site) {
    delegate.handoffReceive(channel, how, site);
    throw new IllegalStateException("failHooks: handoffReceive");
  }

  @Override
  public void alias(Object alias, Object target) {
    delegate.alias(alias, target);
    throw new IllegalStateException("failHooks: alias");
  }

  @Override
  public void volatileWrite(int field, Object owner, long value, int site) {
    delegate.volatileWrite(field, owner, value, site);
    throw new IllegalStateException("failHooks: volatileWrite");
  }

  @Override
  public long volatileRead(int field, Object owner, long value, int site, boolean given) {
    delegate.volatileRead(field, owner, value, site, given);
    throw new IllegalStateException("failHooks: volatileRead");
  }

  @Override
  public long identity(Object value) {
    delegate.identity(value);
    throw new IllegalStateException("failHooks: identity");
  }

  @Override
  public void atomicLoaded(Object owner, Object atomic, int field) {
    delegate.atomicLoaded(owner, atomic, field);
    throw new IllegalStateException("failHooks: atomicLoaded");
  }

  @Override
  public void atomicWrite(Object atomic, long value, int site) {
    delegate.atomicWrite(atomic, value, site);
    throw new IllegalStateException("failHooks: atomicWrite");
  }

  @Override
  public void atomicUpdate(Object atomic, long value, int site) {
    delegate.atomicUpdate(atomic, value, site);
    throw new IllegalStateException("failHooks: atomicUpdate");
  }

  @Override
  public long atomicRead(Object atomic, long value, int site, boolean given) {
    delegate.atomicRead(atomic, value, site, given);
    throw new IllegalStateException("failHooks: atomicRead");
  }

  @Override
  public void event(int kind, int site, long f0, long f1, long f2, long f3, long f4, long f5) {
    delegate.event(kind, site, f0, f1, f2, f3, f4, f5);
    throw new IllegalStateException("failHooks: event");
  }

  @Override
  public long value(Object v) {
    delegate.value(v);
    throw new IllegalStateException("failHooks: value");
  }

  @Override
  public long capture(Object base, int chain) {
    delegate.capture(base, chain);
    throw new IllegalStateException("failHooks: capture");
  }

  @Override
  public void failed(Throwable t) {
    delegate.failed(t);
  }
}
