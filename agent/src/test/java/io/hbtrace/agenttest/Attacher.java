package io.hbtrace.agenttest;

import com.sun.tools.attach.VirtualMachine;

/** Loads the agent into a running JVM: {@code Attacher PID AGENT_JAR OPTIONS}. */
public final class Attacher {
  private Attacher() {}

  public static void main(String[] args) throws Exception {
    VirtualMachine vm = VirtualMachine.attach(args[0]);
    try {
      vm.loadAgent(args[1], args[2]);
    } finally {
      vm.detach();
    }
    System.out.println("attached");
  }
}
