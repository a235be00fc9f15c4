package io.hbtrace.agenttest.logsegment;

import java.nio.charset.StandardCharsets;

/**
 * A scripted single-threaded run: three appends and two reads, printing what it read. Event counts
 * are exact (see the agent's tests).
 */
public final class LogSegmentMain {
  private LogSegmentMain() {}

  public static void main(String[] args) {
    System.out.println(run());
  }

  public static String run() {
    LogSegment s = new LogSegment(7);
    s.append("hello ".getBytes(StandardCharsets.US_ASCII)); // end 6: page 0
    String first = new String(s.read(0, 6), StandardCharsets.US_ASCII); // fills page 0
    s.append("world, log!".getBytes(StandardCharsets.US_ASCII)); // end 17: pages 0, 1
    s.append("x".getBytes(StandardCharsets.US_ASCII)); // end 18: page 1
    String second = new String(s.read(0, 18), StandardCharsets.US_ASCII); // fills pages 0, 1
    return first + "|" + second;
  }
}
