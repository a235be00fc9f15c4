package io.hbtrace.agenttest;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A running program to attach to: prints "ready", then for each "work" line on stdin does one round
 * of locking in a fresh method call (so retransformed code is used) and prints "done N"; "exit"
 * ends it. Its main loop holds a monitor throughout (taken before any attach); "hold" takes the
 * lock and keeps it, "free" gives it back, "wait" waits a millisecond on the held monitor, each
 * printing "ok".
 */
public final class AttachTarget {
  private static final ReentrantLock LOCK = new ReentrantLock();
  private static final Object MONITOR = new Object();
  private static final Object HELD = new Object();
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

  static void hold() {
    LOCK.lock();
  }

  static void free() {
    LOCK.unlock();
  }

  static void pause() throws InterruptedException {
    HELD.wait(1);
  }

  public static void main(String[] args) throws Exception {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    System.out.println("ready " + ProcessHandle.current().pid());
    System.out.flush();
    synchronized (HELD) {
      for (String line; (line = in.readLine()) != null && !line.equals("exit"); ) {
        switch (line) {
          case "hold" -> hold();
          case "free" -> free();
          case "wait" -> pause();
          default -> {
            System.out.println("done " + work());
            System.out.flush();
            continue;
          }
        }
        System.out.println("ok");
        System.out.flush();
      }
    }
  }
}
