package io.hbtrace.agenttest;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A running program to attach to: prints "ready", then for each "work" line on stdin does one round
 * of locking in a fresh method call (so retransformed code is used) and prints "done N"; "exit"
 * ends it.
 */
public final class AttachTarget {
  private static final ReentrantLock LOCK = new ReentrantLock();
  private static final Object MONITOR = new Object();
  private static int rounds;

  private AttachTarget() {}

  static int work() {
    LOCK.lock();
    try {
      synchronized (MONITOR) {
        return ++rounds;
      }
    } finally {
      LOCK.unlock();
    }
  }

  public static void main(String[] args) throws Exception {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    System.out.println("ready " + ProcessHandle.current().pid());
    System.out.flush();
    String line;
    while ((line = in.readLine()) != null) {
      if (line.equals("exit")) {
        break;
      }
      System.out.println("done " + work());
      System.out.flush();
    }
  }
}
